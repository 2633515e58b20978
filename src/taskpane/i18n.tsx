/** The pane's language (Vietnamese by default; English is a toggle). */
import { createContext, useContext } from "react";
import { UI, type Lang, type UiStrings } from "../i18n/ui";

export const LangContext = createContext<Lang>("vi");

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useStrings(): UiStrings {
  return UI[useContext(LangContext)];
}
