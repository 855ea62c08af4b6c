// next-intl (its core, use-intl) reads dots in keys as nesting; our keys are flat ("settings.publicUrl" and
// "settings.publicUrl.hint" both exist), so the library sees them with the dots swapped for this character.
export const KEY_SEPARATOR = "~";
export const encodeKey = (key: string) => key.replaceAll(".", KEY_SEPARATOR);
