/** The languages phuluc speaks: Vietnamese first, English where a door offers it. One name everywhere. */
export type Lang = "vi" | "en";
