/**
 * The attributes that tell annotations apart at a glance: shown beside an entry's tag and in the
 * hover card, and offered as filters, in this order.
 */
export const KEY_ATTRIBUTES = [
  { key: 'verdict', label: 'Verdict' },
  { key: 'speaker', label: 'Speaker' },
  { key: 'stance', label: 'Stance' },
  { key: 'holder', label: 'Holder' },
] as const;
