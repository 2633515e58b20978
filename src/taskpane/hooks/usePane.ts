/**
 * The pane's controller (controller/pane-controller.ts) for a React component: made once, told of the
 * host's props and language in effects, its state read with useSyncExternalStore. All the pane's logic —
 * the runs, their cancellation, the actions — lives in the controller, outside React.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import type { Lang } from "../../i18n/ui";
import type { PaneHost } from "../controller/host";
import { PaneController } from "../controller/pane-controller";
import type { PaneState } from "../state/pane-state";

export type { PaneState } from "../state/pane-state";

export function usePane(host: PaneHost, initialAsOf: string, lang: Lang = "vi"): { state: PaneState; pane: PaneController } {
  const [pane] = useState(() => new PaneController({ ...host, asOf: initialAsOf, lang }));
  const { port, loadEngine, delivery, saveFile, openWorkbook, fileName, onCheckStart } = host;
  useEffect(
    () => pane.setHost({ port, loadEngine, delivery, saveFile, openWorkbook, fileName, onCheckStart }),
    [pane, port, loadEngine, delivery, saveFile, openWorkbook, fileName, onCheckStart],
  );
  useEffect(() => pane.setLang(lang), [pane, lang]);
  useEffect(() => pane.loadSettings(), [pane, port]);
  const state = useSyncExternalStore(pane.subscribe, pane.getState);
  return { state, pane };
}
