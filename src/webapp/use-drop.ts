/**
 * The whole window takes a dropped workbook: while a file is dragged over it `dragging` is true (the app
 * shows where to drop), and a drop hands the first file, with its handle where the browser gives one, to
 * `onDrop`. Anything else dropped (text, a link) is left to the browser.
 */
import { useEffect, useEffectEvent, useState } from "react";
import { droppedWorkbook, type FileHandle } from "./file-access";

const carriesFile = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes("Files");

export function useDrop(onDrop: (file: File, handle: FileHandle | null) => void): boolean {
  const [dragging, setDragging] = useState(false);
  /** The latest `onDrop`, for the listeners set once. */
  const dropped = useEffectEvent(onDrop);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFile(e)) return;
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFile(e)) return;
      e.preventDefault(); // without it the browser opens the file itself
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const leave = (e: DragEvent) => {
      if (!carriesFile(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFile(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void droppedWorkbook(e.dataTransfer)?.then(({ file, handle }) => dropped(file, handle));
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, []);

  return dragging;
}
