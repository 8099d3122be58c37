/** Version of @fluentui/react the portal was built with (defined by build.ts). */
declare const __FLUENT_VERSION__: string;
