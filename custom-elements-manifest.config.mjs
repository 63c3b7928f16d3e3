export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/local-meeting/**', 'src/chat-dump/**', 'src/server/**'],
  litelement: true,
  packagejson: true,
  plugins: [
    {
      // `this.dispatchEvent(new RtkXEvent(…))` is seen as an event without a name; the named
      // one comes from the class's `@fires` tag, so the nameless copy is dropped.
      name: 'rtk-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
            // The manifest describes the public API: private members are the element's own business.
            if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private');
          }
        }
      },
    },
  ],
};
