/// <reference types="office-js" />
/**
 * A faithful fake of the Excel JavaScript API for exactly the surface src/excel/ uses.
 * - Operations (property sets, method calls, loads) are queued on the proxies and applied, in order, on
 *   `context.sync()`; reading a property that was not loaded and synced throws PropertyNotLoaded.
 * - Every sync is counted with the JSON size of its request and of its response. Above 5 MB a request
 *   throws RequestPayloadSizeLimitExceeded and a response ResponsePayloadSizeLimitExceeded, the two codes
 *   Excel on the web uses ("Application-specific API error codes", learn.microsoft.com/office/dev/add-ins/
 *   testing/application-specific-api-error-handling; limits in "Resource limits and performance
 *   optimization for Office Add-ins"); a range read over 5,000,000 cells throws RequestPayloadSizeLimitExceeded.
 * - APIs above the fake's requirement-set version fail at sync with ApiNotFound, so feature detection is
 *   tested for real; writes to a protected sheet fail with AccessDenied; syncs while the user edits a cell
 *   fail with InvalidOperationInCellEditMode.
 * - Null objects are strict, as the conservative reading of Microsoft's documentation requires: a proxy
 *   from a `*OrNullObject` getter may be loaded and its `isNullObject` read after the sync, but calling a
 *   method or setting a property on it — or deriving a child proxy from it (getRange, getUsedRange…,
 *   getMergedAreasOrNullObject, format, charts…) — fails the sync with ItemNotFound when it is null,
 *   even if the child is never used. Real Excel may or may not be this strict; the adapter must not care.
 */
import {
  colLetter,
  defaultFont,
  FakeOfficeError,
  FakeSheet,
  FakeWorkbookModel,
  parseAddress,
  quoteSheet,
  rectAddress,
  type FakeCell,
  type Rect,
} from "./fake-model";

export { FakeOfficeError } from "./fake-model";

/**
 * Excel on the web's limit on a request or a response: "5 MB" in Microsoft's documentation, read as the
 * stricter 5,000,000 bytes (not 5 MiB: a request of 5,236,518 bytes passes one reading and fails the other).
 */
export const PAYLOAD_LIMIT = 5_000_000;
export const MAX_CELLS_PER_READ = 5_000_000;
/** Range.getMergedAreasOrNullObject fails beyond this many areas (its reference page). */
export const MAX_MERGED_AREAS = 512;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  /** Cell values set by the sync (Range.values), and whether it suspended calculation first (ExcelApi 1.6). */
  valueSets: number;
  calcSuspended: boolean;
}

export class FakeStats {
  syncs = 0;
  log: SyncRecord[] = [];
  untracked = 0;
  get largestPayloadBytes(): number {
    return this.log.reduce((m, r) => Math.max(m, r.requestBytes, r.responseBytes), 0);
  }
  get ops(): number {
    return this.log.reduce((m, r) => m + r.ops, 0);
  }
  reset(): void {
    this.syncs = 0;
    this.log = [];
    this.untracked = 0;
  }
}

interface LoadResult {
  data: unknown;
  apply: () => void;
}

interface QueueItem {
  req: unknown;
  exec: () => LoadResult | void;
  /** A client-side existence check (not an op Excel receives): left out of the sync's ops and bytes. */
  guard?: boolean;
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? "", "utf8");

function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split(".").map(Number);
  const [b1, b2] = need.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && (a2 ?? 0) >= (b2 ?? 0));
}

function normColor(c: unknown): string {
  if (typeof c !== "string") throw new FakeOfficeError("InvalidArgument", "color must be a string");
  const names: Record<string, string> = { white: "#FFFFFF", black: "#000000", red: "#FF0000", yellow: "#FFFF00", green: "#008000" };
  if (names[c.toLowerCase()]) return names[c.toLowerCase()];
  if (!/^#[0-9a-fA-F]{6}$/.test(c)) throw new FakeOfficeError("InvalidArgument", `Invalid color "${c}"`);
  return c.toUpperCase();
}

export class FakeRequestContext {
  private queue: QueueItem[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(
    readonly model: FakeWorkbookModel,
    readonly stats: FakeStats,
    readonly apiVersion: string,
  ) {
    this.application = new FakeApplication(this, "application");
    this.workbook = new FakeWorkbook(this, this.application);
  }

  enqueue(item: QueueItem): void {
    this.queue.push(item);
  }

  /** An op that fails at sync when the fake's API version is below `set`. */
  need(set: string, what: string): void {
    if (!versionAtLeast(this.apiVersion, set)) {
      this.enqueue({
        req: { need: set, what },
        exec: () => {
          throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${set}`);
        },
      });
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Sheets added by the batch being run (Excel on the web does not activate those: model.webActivateQuirk). */
  addedThisSync = new Set<string>();

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.stats.syncs++;
    this.addedThisSync = new Set();
    const sent = queue.filter((q) => !q.guard);
    const reqs = sent.map((q) => q.req as Record<string, unknown>);
    const record: SyncRecord = {
      requestBytes: sent.reduce((n, q) => n + bytes(q.req), 0),
      responseBytes: 0,
      ops: sent.length,
      valueSets: reqs.filter((r) => r.set === "values").length,
      calcSuspended: reqs.some((r) => r.method === "suspendApiCalculationUntilNextSync"),
    };
    this.stats.log.push(record);
    await Promise.resolve();
    if (record.requestBytes > PAYLOAD_LIMIT)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    if (this.model.cellEditMode) throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    const results: LoadResult[] = [];
    for (const q of queue) {
      if (!q.guard && this.model.rejectOps?.(q.req as Record<string, unknown>))
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      const r = q.exec();
      if (r) results.push(r);
    }
    record.responseBytes = results.reduce((n, r) => n + bytes(r.data), 0);
    if (record.responseBytes > PAYLOAD_LIMIT)
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    for (const r of results) r.apply();
  }
}

function parseLoad(props: unknown, defaults: string[]): string[] {
  if (props === undefined || props === null) return defaults;
  if (typeof props === "string")
    return props
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(props)) return props.map(String);
  if (typeof props === "object" && typeof (props as { select?: string }).select === "string")
    return parseLoad((props as { select: string }).select, defaults);
  throw new FakeOfficeError("InvalidArgument", "load: unsupported argument");
}

/** OfficeExtension.ClientResult: `value` throws until the sync that computes it. */
export class FakeClientResult<T> {
  private loaded = false;
  private v: T | undefined;
  constructor(ctx: FakeRequestContext, req: unknown, compute: () => T) {
    ctx.enqueue({
      req,
      exec: () => {
        const data = compute();
        return { data, apply: () => ((this.loaded = true), (this.v = data)) };
      },
    });
  }
  get value(): T {
    if (!this.loaded) throw new FakeOfficeError("PropertyNotLoaded", "ClientResult.value is not available before context.sync()");
    return this.v as T;
  }
}

/** Base of every proxy: loaded-property bookkeeping, queued loads and sets. */
abstract class FakeProxy<T> {
  protected readonly loaded = new Map<string, unknown>();
  /** True for proxies from a `*OrNullObject` getter: deriving a child from one checks it exists. */
  protected mayBeNull = false;

  constructor(
    readonly context: FakeRequestContext,
    readonly path: string,
  ) {}

  /** The model object at execution time; null for a null object; throws ItemNotFound when required. */
  protected abstract target(): T | null;
  protected abstract read(t: T, prop: string): unknown;
  protected defaultProps(): string[] {
    return [];
  }

  protected get<V>(prop: string): V {
    // As Office.js does: once a null object has been synced, its properties read as undefined.
    if (prop !== "isNullObject" && this.loaded.get("isNullObject") === true) return undefined as V;
    if (!this.loaded.has(prop))
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(prop) as V;
  }

  protected live(): T {
    const t = this.target();
    if (t === null) throw new FakeOfficeError("ItemNotFound", `${this.path}: the requested resource doesn't exist (null object).`);
    return t;
  }

  protected op(req: unknown, run: (t: T) => void): void {
    this.context.enqueue({
      req: { path: this.path, ...(req as object) },
      exec: () => {
        run(this.live());
      },
    });
  }

  get isNullObject(): boolean {
    return this.get<boolean>("isNullObject");
  }

  /**
   * A child proxy derived from this one. When this one may be a null object, the sync fails with
   * ItemNotFound if it is null at that point — whether or not the child is ever used.
   */
  protected derive<P>(method: string, make: () => P): P {
    if (this.mayBeNull)
      this.context.enqueue({
        req: { path: this.path, derive: method },
        guard: true,
        exec: () => {
          this.live();
        },
      });
    return make();
  }

  load(props?: string | string[] | { select?: string }): this {
    const names = parseLoad(props, this.defaultProps());
    this.context.enqueue({
      req: { path: this.path, load: names },
      exec: () => {
        const t = this.target();
        if (t === null) return { data: { isNullObject: true }, apply: () => this.loaded.set("isNullObject", true) };
        const data: Record<string, unknown> = {};
        for (const n of names) data[n] = this.read(t, n);
        return {
          data,
          apply: () => {
            this.loaded.set("isNullObject", false);
            for (const n of names) this.loaded.set(n, data[n]);
          },
        };
      },
    });
    return this;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    this.context.stats.untracked++;
    return this;
  }
}

export class FakeApplication extends FakeProxy<object> {
  protected target() {
    return {};
  }
  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "application: no loadable properties in the fake");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.need("1.6", "suspendApiCalculationUntilNextSync");
    this.op({ method: "suspendApiCalculationUntilNextSync" }, () => undefined);
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly functions: FakeFunctions;
  constructor(
    readonly context: FakeRequestContext,
    readonly application: FakeApplication,
  ) {
    this.worksheets = new FakeWorksheetCollection(context, "workbook.worksheets");
    this.functions = new FakeFunctions(context);
  }
}

/**
 * workbook.functions (ExcelApi 1.2): worksheet functions evaluated without a cell. Only DATE is faked.
 * DATE's reference: year "is a number from 1900 or 1904 (depending on the workbook's date system)" —
 * so DATE(1904,1,1) is 1462 in the 1900 system and 0 in the 1904 system (model.date1904).
 */
export class FakeFunctions {
  constructor(private readonly context: FakeRequestContext) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, `functions.date(${year},${month},${day})`, () => {
      const serial1900 = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
      return this.context.model.date1904 ? serial1900 - 1462 : serial1900;
    });
  }
}

export class FakeFunctionResult extends FakeProxy<{ value: number }> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly compute: () => number,
  ) {
    super(context, path);
  }
  protected target() {
    return { value: this.compute() };
  }
  protected override read(t: { value: number }, prop: string): unknown {
    if (prop === "value") return t.value;
    if (prop === "error") return null;
    throw new FakeOfficeError("InvalidArgument", `FunctionResult: cannot load ${prop}`);
  }
  get value(): number {
    return this.get("value");
  }
  get error(): string | null {
    return this.get("error");
  }
}

export class FakeWorksheetCollection extends FakeProxy<FakeWorkbookModel> {
  protected target() {
    return this.context.model;
  }
  protected read(m: FakeWorkbookModel, prop: string): unknown {
    if (!prop.startsWith("items/") && prop !== "items") throw new FakeOfficeError("InvalidArgument", `worksheets: cannot load ${prop}`);
    return m.sheets.map((s) => s.id);
  }

  override load(props?: string | string[] | { select?: string }): this {
    const names = parseLoad(props, ["items/name"]).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue({
      req: { path: this.path, load: names },
      exec: () => {
        const rows = this.context.model.sheets.map((s) => {
          const p = new FakeWorksheet(this.context, `worksheet(${s.id})`, () => s.id, false);
          const data: Record<string, unknown> = {};
          for (const n of names) data[n] = p.readProp(s, n);
          return { p, data };
        });
        return {
          data: rows.map((r) => r.data),
          apply: () => {
            for (const r of rows) r.p.setLoaded(r.data);
            this.loaded.set(
              "items",
              rows.map((r) => r.p),
            );
          },
        };
      },
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.get<FakeWorksheet[]>("items");
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${key})`, () => this.context.model.find(key)?.id, false);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItemOrNullObject(${key})`, () => this.context.model.find(key)?.id, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => this.context.model.activeSheetId ?? undefined, false);
  }

  add(name?: string): FakeWorksheet {
    let created: string | undefined;
    this.context.enqueue({
      req: { path: this.path, method: "add", name },
      exec: () => {
        let n = name;
        this.context.model.assertStructureEditable("worksheets.add");
        for (let i = 1; !n; i++) if (!this.context.model.find(`Sheet${i}`)) n = `Sheet${i}`;
        created = this.context.model.addSheet(n).id;
        this.context.addedThisSync.add(created);
      },
    });
    return new FakeWorksheet(this.context, `worksheets.add(${name})`, () => created, false);
  }
}

export class FakeWorksheet extends FakeProxy<FakeSheet> {
  private sheetId: string | undefined;

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly locate: () => string | undefined,
    private readonly nullable: boolean,
  ) {
    super(context, path);
    this.mayBeNull = nullable;
  }

  protected target(): FakeSheet | null {
    if (this.sheetId === undefined) this.sheetId = this.locate();
    const s = this.sheetId === undefined ? undefined : this.context.model.byId(this.sheetId);
    if (s) return s;
    if (this.nullable) return null;
    throw new FakeOfficeError("ItemNotFound", `${this.path}: the requested resource doesn't exist.`);
  }

  /** The sheet model (for proxies derived from this one). */
  sheetModel(): FakeSheet | null {
    return this.target();
  }

  setLoaded(data: Record<string, unknown>): void {
    this.loaded.set("isNullObject", false);
    for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
    this.sheetId = data.id as string | undefined;
  }

  readProp(s: FakeSheet, prop: string): unknown {
    return this.read(s, prop);
  }

  protected override read(s: FakeSheet, prop: string): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "visibility":
        return s.visibility;
      case "position":
        return this.context.model.sheets.indexOf(s);
      case "tabColor":
        return s.tabColor;
      case "standardWidth": // characters of the Normal font (ExcelApi 1.7)
        if (!versionAtLeast(this.context.apiVersion, "1.7"))
          throw new FakeOfficeError("ApiNotFound", "Worksheet.standardWidth needs ExcelApi 1.7");
        return this.context.model.standardWidth;
      default:
        throw new FakeOfficeError("InvalidArgument", `worksheet: cannot load ${prop}`);
    }
  }

  override load(props?: string | string[] | { select?: string }): this {
    super.load(props ?? ["name", "id", "visibility", "position"]);
    return this;
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.op({ set: "name", v }, (s) => {
      this.context.model.assertStructureEditable("Worksheet.name");
      if (this.context.model.find(v) && this.context.model.find(v) !== s) throw new FakeOfficeError("ItemAlreadyExists", `"${v}" exists`);
      s.name = v;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    // Even setting the visibility a sheet already has is a structure change Excel refuses under protection.
    this.op({ set: "visibility", v }, (s) => {
      this.context.model.assertStructureEditable("Worksheet.visibility");
      this.context.model.setVisibility(s, v as FakeSheet["visibility"]);
    });
  }
  get tabColor(): string {
    return this.get("tabColor");
  }
  get standardWidth(): number {
    return this.get("standardWidth");
  }
  set tabColor(v: string) {
    this.context.need("1.7", "Worksheet.tabColor");
    this.op({ set: "tabColor", v }, (s) => (s.tabColor = v === "" ? "" : normColor(v)));
  }

  activate(): void {
    this.op({ method: "activate" }, (s) => {
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cannot activate a hidden sheet.");
      if (this.context.model.webActivateQuirk && this.context.addedThisSync.has(s.id)) return; // office-js#930
      this.context.model.activeSheetId = s.id;
    });
  }

  delete(): void {
    this.op({ method: "delete" }, (s) => {
      this.context.model.assertStructureEditable("Worksheet.delete");
      this.context.model.deleteSheet(s);
    });
  }

  getRange(address?: string): FakeRange {
    return this.derive(
      "getRange",
      () =>
        new FakeRange(this.context, `${this.path}.getRange(${address ?? ""})`, () => {
          const s = this.live();
          const rect = address ? parseAddress(address) : { top: 1, left: 1, bottom: 1048576, right: 16384 };
          return { sheet: s, rect };
        }),
    );
  }

  /** Worksheet.getCell(row, column): 0-based, the one cell there. */
  getCell(row: number, column: number): FakeRange {
    return this.derive(
      "getCell",
      () =>
        new FakeRange(this.context, `${this.path}.getCell(${row},${column})`, () => {
          if (!Number.isInteger(row) || !Number.isInteger(column) || row < 0 || column < 0 || row >= 1048576 || column >= 16384)
            throw new FakeOfficeError("InvalidArgument", `getCell(${row}, ${column})`);
          return { sheet: this.live(), rect: { top: row + 1, left: column + 1, bottom: row + 1, right: column + 1 } };
        }),
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.derive(
      "getUsedRange",
      () =>
        new FakeRange(this.context, `${this.path}.getUsedRange(${!!valuesOnly})`, () => {
          const s = this.live();
          return { sheet: s, rect: s.usedRect(!!valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
        }),
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.derive(
      "getUsedRangeOrNullObject",
      () =>
        new FakeRange(
          this.context,
          `${this.path}.getUsedRangeOrNullObject(${!!valuesOnly})`,
          () => {
            const s = this.live();
            const rect = s.usedRect(!!valuesOnly);
            return rect ? { sheet: s, rect } : null;
          },
          true,
        ),
    );
  }

  get charts(): FakeChartCollection {
    return this.derive("charts", () => new FakeChartCollection(this.context, `${this.path}.charts`, this));
  }

  get freezePanes(): FakeFreezePanes {
    return this.derive("freezePanes", () => new FakeFreezePanes(this.context, `${this.path}.freezePanes`, this));
  }

  get pageLayout(): FakePageLayoutProxy {
    return this.derive("pageLayout", () => new FakePageLayoutProxy(this.context, `${this.path}.pageLayout`, this));
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function rowsOf(t: RangeTarget): number {
  return t.rect.bottom - t.rect.top + 1;
}
function colsOf(t: RangeTarget): number {
  return t.rect.right - t.rect.left + 1;
}

function grid<V>(t: RangeTarget, fn: (row: number, col: number) => V): V[][] {
  const cells = rowsOf(t) * colsOf(t);
  if (cells > MAX_CELLS_PER_READ)
    throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `A read of ${cells} cells exceeds 5,000,000 cells.`);
  const out: V[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: V[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

/** Apply a 2D array (or one value broadcast) to every cell of the range. */
function each2d(t: RangeTarget, v: unknown, fn: (row: number, col: number, x: unknown) => void): void {
  if (Array.isArray(v)) {
    if (v.length !== rowsOf(t) || v.some((r) => !Array.isArray(r) || r.length !== colsOf(t)))
      throw new FakeOfficeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    for (let i = 0; i < v.length; i++) for (let j = 0; j < v[i].length; j++) fn(t.rect.top + i, t.rect.left + j, v[i][j]);
  } else {
    for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) fn(r, c, v);
  }
}

export class FakeRange extends FakeProxy<RangeTarget> {
  private resolved: RangeTarget | null | undefined;

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly locate: () => RangeTarget | null,
    nullable = false,
  ) {
    super(context, path);
    this.mayBeNull = nullable;
  }

  protected target(): RangeTarget | null {
    if (this.resolved === undefined) this.resolved = this.locate();
    if (this.resolved && !this.context.model.byId(this.resolved.sheet.id))
      throw new FakeOfficeError("ItemNotFound", `${this.path}: the sheet was deleted`);
    return this.resolved;
  }

  rangeTarget(): RangeTarget {
    return this.live();
  }

  protected override read(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case "address":
        return `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`;
      case "rowCount":
        return rowsOf(t);
      case "columnCount":
        return colsOf(t);
      case "rowIndex":
        return t.rect.top - 1;
      case "columnIndex":
        return t.rect.left - 1;
      case "values":
        return grid(t, (r, c) => t.sheet.readValue(r, c));
      case "valueTypes":
        return grid(t, (r, c) => t.sheet.readType(r, c));
      case "numberFormat":
        return grid(t, (r, c) => t.sheet.cell(r, c)?.numberFormat ?? "General");
      case "formulas":
        return grid(t, (r, c) => t.sheet.cell(r, c)?.formula ?? t.sheet.readValue(r, c));
      default:
        throw new FakeOfficeError("InvalidArgument", `range: cannot load ${prop}`);
    }
  }

  get address(): string {
    return this.get("address");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.op({ set: "values", v }, (t) => each2d(t, v, (r, c, x) => t.sheet.writeValue(r, c, x)));
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.op({ set: "numberFormat", v }, (t) => {
      t.sheet.assertWritable();
      each2d(t, v, (r, c, x) => {
        if (x === null || x === undefined) return;
        t.sheet.touch(r, c).numberFormat = String(x);
      });
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  /** Range.formulas setter: "=…" is a formula (its result unknown to the fake), anything else a value. */
  set formulas(v: unknown[][]) {
    this.op({ set: "formulas", v }, (t) =>
      each2d(t, v, (r, c, x) => {
        if (typeof x !== "string" || !x.startsWith("=")) return t.sheet.writeValue(r, c, x);
        t.sheet.assertWritable();
        const cell = t.sheet.touch(r, c);
        delete cell.error;
        cell.formula = x;
        cell.value = null;
      }),
    );
  }

  /** Range.copyFrom(source, "Formats") (ExcelApi 1.9): each cell takes the look of the source's cell at the same offset. */
  copyFrom(source: FakeRange, copyType?: string): void {
    this.context.need("1.9", "Range.copyFrom");
    if (copyType !== "Formats") throw new FakeOfficeError("InvalidArgument", "the fake copies formats only");
    this.op({ method: "copyFrom", source: source.path, copyType }, (t) => {
      t.sheet.assertWritable();
      const from = source.rangeTarget();
      const rows = rowsOf(from);
      const cols = colsOf(from);
      t.sheet.forEachCell(
        t.rect,
        (cell, r, c) => {
          const src = from.sheet.cell(from.rect.top + ((r - t.rect.top) % rows), from.rect.left + ((c - t.rect.left) % cols));
          cell.numberFormat = src?.numberFormat ?? "General";
          cell.fill = src?.fill ?? null;
          cell.font = { ...(src?.font ?? defaultFont()) };
          cell.horizontalAlignment = src?.horizontalAlignment;
          cell.verticalAlignment = src?.verticalAlignment;
          cell.wrapText = src?.wrapText;
          cell.borders = { ...(src?.borders ?? {}) };
        },
        true,
      );
    });
  }

  /** Range.dataValidation (ExcelApi 1.8): the list validation over the range's top-left cell. */
  get dataValidation(): FakeDataValidation {
    this.context.need("1.8", "Range.dataValidation");
    return this.derive("dataValidation", () => new FakeDataValidation(this.context, `${this.path}.dataValidation`, this));
  }

  get format(): FakeRangeFormat {
    return this.derive("format", () => new FakeRangeFormat(this.context, `${this.path}.format`, this));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.derive(
      "conditionalFormats",
      () => new FakeConditionalFormatCollection(this.context, `${this.path}.conditionalFormats`, this),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive(
      "getCell",
      () =>
        new FakeRange(this.context, `${this.path}.getCell(${row},${column})`, () => {
          const t = this.live();
          const r = t.rect.top + row,
            c = t.rect.left + column;
          return { sheet: t.sheet, rect: { top: r, left: c, bottom: r, right: c } };
        }),
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive(
      "getResizedRange",
      () =>
        new FakeRange(this.context, `${this.path}.getResizedRange(${deltaRows},${deltaColumns})`, () => {
          const t = this.live();
          const rect = { ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns };
          if (rect.bottom < rect.top || rect.right < rect.left)
            throw new FakeOfficeError("InvalidArgument", "getResizedRange: negative size");
          return { sheet: t.sheet, rect };
        }),
    );
  }

  /**
   * Range.getMergedAreasOrNullObject (ExcelApi 1.13). Microsoft's reference: "if the merged areas count in
   * this range is more than 512, then this method will fail to return the result" — the fake fails the
   * sync (the reference names no error code; GeneralException here, and the adapter must not rely on it).
   * Which areas count: by the reference, those in the range; Excel has been seen to return only those
   * whose top-left cell is in it (office-js#3611) — `model.mergedAreasByTopLeft` switches to that.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.need("1.13", "Range.getMergedAreasOrNullObject");
    return this.derive(
      "getMergedAreasOrNullObject",
      () =>
        new FakeRangeAreas(this.context, `${this.path}.getMergedAreasOrNullObject()`, () => {
          const t = this.live();
          const r = t.rect;
          const inRange = (m: Rect) =>
            this.context.model.mergedAreasByTopLeft
              ? m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right
              : m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left;
          const areas = t.sheet.merges.filter(inRange);
          if (areas.length > MAX_MERGED_AREAS)
            throw new FakeOfficeError("GeneralException", `getMergedAreasOrNullObject: ${areas.length} merged areas (more than 512)`);
          return areas.length ? { sheet: t.sheet, areas } : null;
        }),
    );
  }

  merge(across?: boolean): void {
    this.op({ method: "merge", across }, (t) => {
      t.sheet.assertWritable();
      const rows = across ? Array.from({ length: rowsOf(t) }, (_, i) => t.rect.top + i) : [t.rect.top];
      for (const top of rows) {
        const m = { top, left: t.rect.left, bottom: across ? top : t.rect.bottom, right: t.rect.right };
        if (m.top === m.bottom && m.left === m.right) continue;
        t.sheet.merges = t.sheet.merges.filter((x) => x.bottom < m.top || x.top > m.bottom || x.right < m.left || x.left > m.right);
        t.sheet.merges.push(m);
        t.sheet.forEachCell(m, (cell, r, c) => {
          if (r !== m.top || c !== m.left) {
            cell.value = null;
            delete cell.error;
            delete cell.formula;
          }
        });
      }
    });
  }

  unmerge(): void {
    this.op({ method: "unmerge" }, (t) => {
      const r = t.rect;
      t.sheet.merges = t.sheet.merges.filter((x) => x.bottom < r.top || x.top > r.bottom || x.right < r.left || x.left > r.right);
    });
  }

  clear(applyTo?: string): void {
    this.op({ method: "clear", applyTo }, (t) => {
      t.sheet.assertWritable();
      t.sheet.forEachCell(t.rect, (cell) => {
        if (applyTo !== "Formats") {
          cell.value = null;
          delete cell.error;
          delete cell.formula;
        }
        if (applyTo !== "Contents") {
          cell.numberFormat = "General";
          cell.fill = null;
        }
      });
    });
  }

  select(): void {
    this.op({ method: "select" }, (t) => {
      if (t.sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cannot select on a hidden sheet.");
      if (this.context.model.activeSheetId !== t.sheet.id)
        throw new FakeOfficeError("InvalidOperation", "Range.select: the range's sheet is not active.");
      this.context.model.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }
}

export class FakeRangeAreas extends FakeProxy<{ sheet: FakeSheet; areas: Rect[] }> {
  private resolved: { sheet: FakeSheet; areas: Rect[] } | null | undefined;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly locate: () => { sheet: FakeSheet; areas: Rect[] } | null,
  ) {
    super(context, path);
    this.mayBeNull = true;
  }
  protected target() {
    if (this.resolved === undefined) this.resolved = this.locate();
    return this.resolved;
  }
  protected override read(t: { sheet: FakeSheet; areas: Rect[] }, prop: string): unknown {
    if (prop === "address") return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rectAddress(a)}`).join(",");
    if (prop === "areaCount") return t.areas.length;
    throw new FakeOfficeError("InvalidArgument", `rangeAreas: cannot load ${prop}`);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

/** A child proxy whose target is its range's (format, fill, font, border…). */
abstract class RangePart extends FakeProxy<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    path: string,
    protected readonly range: FakeRange,
  ) {
    super(context, path);
  }
  protected target(): RangeTarget {
    return this.range.rangeTarget();
  }
  /** Set a cell-level attribute on every cell (creating cells), refusing protected sheets. */
  protected setCells(req: unknown, fn: (c: FakeCell) => void): void {
    this.op(req, (t) => {
      t.sheet.assertWritable();
      t.sheet.forEachCell(t.rect, fn, true);
    });
  }
  /** The common value over the range's cells, or null when they differ (as Excel reports). */
  protected common<V>(t: RangeTarget, fn: (c: FakeCell | undefined) => V): V | null {
    let first: V | undefined;
    for (let r = t.rect.top; r <= t.rect.bottom; r++)
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const v = fn(t.sheet.cell(r, c));
        if (first === undefined) first = v;
        else if (v !== first) return null;
      }
    return first ?? null;
  }
}

export class FakeRangeFormat extends RangePart {
  protected override read(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case "columnWidth": // points; an untouched column has the standard width (48 pt with Calibri 11)
        return t.sheet.columnWidths.get(t.rect.left) ?? this.context.model.charsToPoints(this.context.model.standardWidth);
      case "rowHeight":
        return t.sheet.rowHeights.get(t.rect.top) ?? 15;
      case "horizontalAlignment":
        return this.common(t, (c) => c?.horizontalAlignment ?? "General");
      case "verticalAlignment":
        return this.common(t, (c) => c?.verticalAlignment ?? "Bottom");
      case "wrapText":
        return this.common(t, (c) => c?.wrapText ?? false);
      default:
        throw new FakeOfficeError("InvalidArgument", `format: cannot load ${prop}`);
    }
  }
  get fill(): FakeRangeFill {
    return new FakeRangeFill(this.context, `${this.path}.fill`, this.range);
  }
  get font(): FakeRangeFont {
    return new FakeRangeFont(this.context, `${this.path}.font`, this.range);
  }
  get borders(): FakeBorders {
    return new FakeBorders(this.context, `${this.path}.borders`, this.range);
  }
  set columnWidth(v: number) {
    this.op({ set: "columnWidth", v }, (t) => {
      t.sheet.assertWritable();
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set rowHeight(v: number) {
    this.op({ set: "rowHeight", v }, (t) => {
      t.sheet.assertWritable();
      for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set horizontalAlignment(v: string) {
    this.setCells({ set: "horizontalAlignment", v }, (c) => (c.horizontalAlignment = v));
  }
  set verticalAlignment(v: string) {
    this.setCells({ set: "verticalAlignment", v }, (c) => (c.verticalAlignment = v));
  }
  set wrapText(v: boolean) {
    this.setCells({ set: "wrapText", v }, (c) => (c.wrapText = v));
  }
}

export class FakeDataValidation extends RangePart {
  protected override read(t: RangeTarget, prop: string): unknown {
    const v = t.sheet.validations.find(
      (x) => t.rect.top >= x.rect.top && t.rect.top <= x.rect.bottom && t.rect.left >= x.rect.left && t.rect.left <= x.rect.right,
    );
    if (prop === "type") return v ? "List" : "None";
    if (prop === "rule") return v ? { list: { inCellDropDown: true, source: v.source } } : {};
    throw new FakeOfficeError("InvalidArgument", `dataValidation: cannot load ${prop}`);
  }
  get type(): string {
    return this.get("type");
  }
  get rule(): { list?: { source: string } } {
    return this.get("rule");
  }
}

export class FakeRangeFill extends RangePart {
  protected override read(t: RangeTarget, prop: string): unknown {
    if (prop === "color") return this.common(t, (c) => c?.fill ?? "#FFFFFF"); // no fill reads as white, as in Excel
    if (prop === "pattern") {
      if (!versionAtLeast(this.context.apiVersion, "1.9")) throw new FakeOfficeError("ApiNotFound", "RangeFill.pattern needs ExcelApi 1.9");
      return this.common(t, (c) => (c?.fill ? "Solid" : "None"));
    }
    throw new FakeOfficeError("InvalidArgument", `fill: cannot load ${prop}`);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setCells({ set: "fill.color", v }, (c) => (c.fill = normColor(v)));
  }
  get pattern(): string {
    return this.get("pattern");
  }
  clear(): void {
    this.setCells({ method: "fill.clear" }, (c) => (c.fill = null));
  }
}

export class FakeRangeFont extends RangePart {
  protected override read(t: RangeTarget, prop: string): unknown {
    if (["name", "size", "bold", "italic", "color", "underline"].includes(prop))
      return this.common(t, (c) =>
        c
          ? c.font[prop as keyof FakeCell["font"]]
          : ({ name: "Calibri", size: 11, bold: false, italic: false, color: "#000000", underline: "None" } as Record<string, unknown>)[
              prop
            ],
      );
    throw new FakeOfficeError("InvalidArgument", `font: cannot load ${prop}`);
  }
  set name(v: string) {
    this.setCells({ set: "font.name", v }, (c) => (c.font.name = v));
  }
  get name(): string {
    return this.get("name");
  }
  set size(v: number) {
    this.setCells({ set: "font.size", v }, (c) => (c.font.size = v));
  }
  set bold(v: boolean) {
    this.setCells({ set: "font.bold", v }, (c) => (c.font.bold = v));
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set italic(v: boolean) {
    this.setCells({ set: "font.italic", v }, (c) => (c.font.italic = v));
  }
  set color(v: string) {
    this.setCells({ set: "font.color", v }, (c) => (c.font.color = normColor(v)));
  }
  set underline(v: string) {
    this.setCells({ set: "font.underline", v }, (c) => (c.font.underline = v));
  }
}

export class FakeBorders extends RangePart {
  protected override read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "borders: nothing to load in the fake");
  }
  getItem(index: string): FakeBorder {
    return new FakeBorder(this.context, `${this.path}.getItem(${index})`, this.range, index);
  }
}

export class FakeBorder extends RangePart {
  constructor(
    context: FakeRequestContext,
    path: string,
    range: FakeRange,
    private readonly index: string,
  ) {
    super(context, path, range);
  }
  protected override read(t: RangeTarget, prop: string): unknown {
    const side = ({ EdgeTop: "top", EdgeBottom: "bottom", EdgeLeft: "left", EdgeRight: "right" } as Record<string, string>)[this.index];
    if (prop === "style" && side) return this.common(t, (c) => c?.borders[side] ?? "None");
    throw new FakeOfficeError("InvalidArgument", `border: cannot load ${prop}`);
  }
  set style(v: string) {
    const idx = this.index;
    this.op({ set: "border.style", idx, v }, (t) => {
      t.sheet.assertWritable();
      const r = t.rect;
      // Stored per cell as physical sides (top/bottom/left/right), as Excel shows them.
      t.sheet.forEachCell(
        r,
        (c, row, col) => {
          const sides: string[] = [];
          if (idx === "EdgeTop" && row === r.top) sides.push("top");
          if (idx === "EdgeBottom" && row === r.bottom) sides.push("bottom");
          if (idx === "EdgeLeft" && col === r.left) sides.push("left");
          if (idx === "EdgeRight" && col === r.right) sides.push("right");
          if (idx === "InsideHorizontal") {
            if (row !== r.top) sides.push("top");
            if (row !== r.bottom) sides.push("bottom");
          }
          if (idx === "InsideVertical") {
            if (col !== r.left) sides.push("left");
            if (col !== r.right) sides.push("right");
          }
          for (const side of sides) c.borders[side] = v;
        },
        true,
      );
    });
  }
  set weight(_v: string) {
    this.op({ set: "border.weight", v: _v }, () => undefined);
  }
  set color(v: string) {
    this.op({ set: "border.color", v }, () => void normColor(v));
  }
}

export class FakeConditionalFormatCollection extends RangePart {
  protected override read(t: RangeTarget, prop: string): unknown {
    if (prop === "count") return t.sheet.conditionalFormats.length;
    throw new FakeOfficeError("InvalidArgument", `conditionalFormats: cannot load ${prop}`);
  }
  getCount(): FakeClientResult<number> {
    this.context.need("1.6", "conditionalFormats.getCount");
    return new FakeClientResult(this.context, { path: this.path, method: "getCount" }, () => {
      const t = this.range.rangeTarget();
      const a = rectAddress(t.rect);
      return t.sheet.conditionalFormats.filter((cf) => cf.range === a).length;
    });
  }

  add(type: string): { dataBar: { positiveFormat: { fillColor: string; gradientFill: boolean } } } {
    this.context.need("1.6", "conditionalFormats.add");
    const entry = { type, range: "", color: undefined as string | undefined };
    this.op({ method: "conditionalFormats.add", type }, (t) => {
      entry.range = rectAddress(t.rect);
      t.sheet.conditionalFormats.push(entry);
    });
    const ctx = this.context;
    const positiveFormat = {
      set fillColor(v: string) {
        ctx.enqueue({ req: { set: "dataBar.positiveFormat.fillColor", v }, exec: () => void (entry.color = normColor(v)) });
      },
      get fillColor(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "fillColor");
      },
      set gradientFill(v: boolean) {
        ctx.enqueue({ req: { set: "dataBar.positiveFormat.gradientFill", v }, exec: () => undefined });
      },
      get gradientFill(): boolean {
        throw new FakeOfficeError("PropertyNotLoaded", "gradientFill");
      },
    };
    return { dataBar: { positiveFormat } };
  }
}

abstract class SheetPart extends FakeProxy<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    path: string,
    protected readonly sheet: FakeWorksheet,
  ) {
    super(context, path);
  }
  protected target(): FakeSheet | null {
    return this.sheet.sheetModel();
  }
}

export class FakeChartCollection extends SheetPart {
  protected override read(s: FakeSheet, prop: string): unknown {
    if (prop === "count") return s.charts.length;
    throw new FakeOfficeError("InvalidArgument", `charts: cannot load ${prop}`);
  }
  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, { path: this.path, method: "getCount" }, () => this.live().charts.length);
  }

  add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy {
    const chart = { type, source: "", seriesBy: seriesBy ?? "Auto", title: "" } as import("./fake-model").FakeChart;
    this.op({ method: "charts.add", type, seriesBy }, (s) => {
      const t = source.rangeTarget();
      if (t.sheet !== s) throw new FakeOfficeError("InvalidArgument", "chart source on another sheet");
      chart.source = rectAddress(t.rect);
      s.charts.push(chart);
    });
    return new FakeChartProxy(this.context, `${this.path}.add()`, this.sheet, chart);
  }
}

export class FakeChartProxy extends SheetPart {
  constructor(
    context: FakeRequestContext,
    path: string,
    sheet: FakeWorksheet,
    private readonly chart: import("./fake-model").FakeChart,
  ) {
    super(context, path, sheet);
  }
  protected override read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "chart: nothing to load in the fake");
  }
  get title(): { text: string } {
    const ctx = this.context,
      chart = this.chart;
    return {
      set text(v: string) {
        ctx.enqueue({ req: { set: "chart.title.text", v }, exec: () => void (chart.title = v) });
      },
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "title.text");
      },
    };
  }
  setPosition(startCell: string, endCell?: string): void {
    this.op({ method: "chart.setPosition", startCell, endCell }, () => {
      parseAddress(startCell);
      if (endCell) parseAddress(endCell);
      this.chart.from = startCell;
      this.chart.to = endCell;
    });
  }
}

export class FakeFreezePanes extends SheetPart {
  protected override read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "freezePanes: nothing to load");
  }
  freezeRows(count?: number): void {
    this.context.need("1.7", "freezePanes.freezeRows");
    this.op({ method: "freezeRows", count }, (s) => (s.frozenRows = count ?? 1));
  }
}

export class FakePageLayoutProxy extends SheetPart {
  protected override read(s: FakeSheet, prop: string): unknown {
    return (s.pageLayout as Record<string, unknown>)[prop];
  }
  private setp(prop: string, v: unknown): void {
    this.context.need("1.9", `pageLayout.${prop}`);
    this.op({ set: `pageLayout.${prop}`, v }, (s) => ((s.pageLayout as Record<string, unknown>)[prop] = v));
  }
  set centerHorizontally(v: boolean) {
    this.setp("centerHorizontally", v);
  }
  set orientation(v: string) {
    this.setp("orientation", v);
  }
  set paperSize(v: string) {
    this.setp("paperSize", v);
  }
  /**
   * PageLayoutZoomOptions (learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions): "scale"
   * is a print scale "between 10 and 400"; horizontalFitToPages / verticalFitToPages are a "number of
   * pages to fit", null when a scale is used. Nothing documents 0 (or any value below one page), so the
   * fake refuses it with InvalidArgument, as it refuses any other undocumented value.
   */
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.context.need("1.9", "pageLayout.zoom");
    this.op({ set: "pageLayout.zoom", v }, (s) => {
      const pages = (n: unknown) => n === undefined || n === null || (Number.isInteger(n) && (n as number) >= 1);
      const scaleOk = v.scale === undefined || v.scale === null || (typeof v.scale === "number" && v.scale >= 10 && v.scale <= 400);
      if (!pages(v.horizontalFitToPages) || !pages(v.verticalFitToPages) || !scaleOk)
        throw new FakeOfficeError("InvalidArgument", `pageLayout.zoom: undocumented value ${JSON.stringify(v)}`);
      s.pageLayout.zoom = v;
    });
  }
  set leftMargin(v: number) {
    this.setp("leftMargin", v);
  }
  set rightMargin(v: number) {
    this.setp("rightMargin", v);
  }
  set topMargin(v: number) {
    this.setp("topMargin", v);
  }
  set bottomMargin(v: number) {
    this.setp("bottomMargin", v);
  }
  set headerMargin(v: number) {
    this.setp("headerMargin", v);
  }
  set footerMargin(v: number) {
    this.setp("footerMargin", v);
  }
  setPrintTitleRows(rows: string): void {
    this.context.need("1.9", "pageLayout.setPrintTitleRows");
    this.op({ method: "setPrintTitleRows", rows }, (s) => {
      parseAddress(rows);
      s.pageLayout.printTitleRows = rows;
    });
  }
  setPrintArea(area: string): void {
    this.context.need("1.9", "pageLayout.setPrintArea");
    this.op({ method: "setPrintArea", area }, (s) => {
      parseAddress(area);
      s.pageLayout.printArea = area;
    });
  }
}

/** Everything a test needs: the model, `run` (as Excel.run), sync statistics and isSetSupported. */
export interface FakeExcel {
  model: FakeWorkbookModel;
  stats: FakeStats;
  apiVersion: string;
  run: <T>(fn: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  isSetSupported: (name: string, minVersion?: string) => boolean;
  /** A stand-in for the global `Office` object's requirement check. */
  office: { context: { requirements: { isSetSupported: (name: string, minVersion?: string) => boolean } } };
}

export function createFakeExcel(options: { apiVersion?: string; model?: FakeWorkbookModel } = {}): FakeExcel {
  const model = options.model ?? new FakeWorkbookModel();
  const stats = new FakeStats();
  const apiVersion = options.apiVersion ?? "1.13";
  const isSetSupported = (name: string, minVersion?: string) => name === "ExcelApi" && versionAtLeast(apiVersion, minVersion ?? "1.1");
  return {
    model,
    stats,
    apiVersion,
    isSetSupported,
    office: { context: { requirements: { isSetSupported } } },
    run: async <T>(fn: (ctx: Excel.RequestContext) => Promise<T>) => {
      const ctx = new FakeRequestContext(model, stats, apiVersion);
      const result = await fn(ctx as unknown as Excel.RequestContext);
      if (ctx.pending) await ctx.sync(); // as Excel.run flushes what is still queued
      return result;
    },
  };
}

export { colLetter };
