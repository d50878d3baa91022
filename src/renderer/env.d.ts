/** Build-time constants injected by Vite. */
declare const __APP_VERSION__: string;
