/** A port or engine error, with what to do next. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useStrings } from "../i18n";

export function ErrorBar({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  const t = useStrings();
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        <div>{message}</div>
        <div>{t.errorWhatToDo}</div>
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label={t.dismiss} icon={<span aria-hidden="true">✕</span>} onClick={onDismiss} />
        }
      />
    </MessageBar>
  );
}
