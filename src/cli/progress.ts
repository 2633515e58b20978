/**
 * A progress bar on one line of stderr, for long runs in a terminal (phuluc consolidate): redrawn at most
 * ten times a second, cleared when done. The door shows it only when stderr is a terminal and the run is not
 * printing JSON, so pipes, files and scripts never get it.
 */
const WIDTH = 24;
const FRAME_MS = 100;

export class ProgressBar {
  private last = 0;
  private shown = false;
  private readonly started: number;

  constructor(
    private readonly write: (text: string) => void,
    private readonly total: number,
    private readonly label: (done: number, total: number) => string,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** `done` of `total`; drawn when a frame's time has passed (and always for the last). */
  tick(done: number): void {
    const t = this.now();
    if (done < this.total && t - this.last < FRAME_MS) return;
    this.last = t;
    this.shown = true;
    this.write("\r" + this.line(done, t));
  }

  line(done: number, t = this.now()): string {
    const share = this.total ? Math.min(1, done / this.total) : 1;
    const full = Math.round(share * WIDTH);
    const secs = Math.floor((t - this.started) / 1000);
    const clock = `${String(Math.floor(secs / 60)).padStart(2, "0")}:${String(secs % 60).padStart(2, "0")}`;
    return `${this.label(done, this.total)} [${"█".repeat(full)}${"░".repeat(WIDTH - full)}] ${Math.floor(share * 100)}% ${clock}`;
  }

  /** Clears the line (what follows is printed on a clean line). */
  end(): void {
    if (this.shown) this.write("\r\x1b[2K");
    this.shown = false;
  }
}
