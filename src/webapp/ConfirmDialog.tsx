/**
 * A yes/no question in a modal dialog (Fluent's: focus kept inside, Escape and the backdrop answer no),
 * the focus given back after to the control that asked (the buttons that can ask carry Fluent's
 * restore-focus target mark). No opening animation: the question is there at
 * once (and reduced motion for everyone). Used before «Lưu» writes over the opened file, and before another file
 * replaces one with unsaved changes. Loaded with the workspace.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../i18n/ui";

export interface ConfirmDialogProps {
  /** Kept mounted and opened by this (Fluent then gives the page back its focus and its accessibility when it closes). */
  open: boolean;
  lang: Lang;
  title: string;
  body: string;
  yes: string;
  no: string;
  onAnswer: (yes: boolean) => void;
}

export default function ConfirmDialog({ open, lang, title, body, yes, no, onAnswer }: ConfirmDialogProps) {
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <Dialog open={open} modalType="modal" surfaceMotion={null} onOpenChange={(_, d) => !d.open && onAnswer(false)}>
        <DialogSurface lang={lang} data-testid="confirm-dialog" backdropMotion={null}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>{body}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => onAnswer(true)} data-testid="confirm-yes">
                {yes}
              </Button>
              <Button onClick={() => onAnswer(false)}>{no}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </FluentProvider>
  );
}
