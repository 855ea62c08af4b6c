// Pure and free of server code: the menu (a client component) marks the current page with it.

/**
 * The link that marks the current page: the longest href that is the path or a parent of it, so /admin/people/7
 * marks "People" and /home/usage marks "My machine use", not "My start page".
 */
export function currentHref(groups: readonly { sections: readonly { links: readonly { href: string }[] }[] }[], pathname: string): string | null {
  let best: string | null = null;
  for (const group of groups)
    for (const s of group.sections)
      for (const { href } of s.links) {
        const matches = pathname === href || pathname.startsWith(href.endsWith("/") ? href : `${href}/`);
        if (matches && (best === null || href.length > best.length)) best = href;
      }
  return best;
}
