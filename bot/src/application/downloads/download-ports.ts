// What sealing and opening download links need: the key and lifetime links are made with, and
// the record of links already used, kept per area so that a link opens once whichever instance
// of the service it reaches.

export interface UsedLinks {
  /** Records that a link was used; false when it had been used already. */
  use(areaId: string, linkId: string, expiresAt: string): Promise<boolean>;
  /**
   * Forgets at most `most` of an area's used links that expired before `before` (a link past its
   * expiry is refused on that alone); how many it forgot.
   */
  forget(areaId: string, before: string, most: number): Promise<number>;
}

export interface DownloadPorts {
  usedLinks: UsedLinks;
  now: () => Date;
  /** The secret download links are sealed with, and how many seconds a link lasts. */
  links: { key: string; seconds: number };
}
