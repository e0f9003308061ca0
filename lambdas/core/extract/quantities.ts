// Quantities and money: "1.2 billion doses", "2.3 trillion U.S. dollars", "CHF 1,412.6 million", "€850,000",
// "6.8%", "1,300 MW". Values are plain numbers (scale applied); units are currency codes or the counted noun.

export type Quantity = { text: string; value?: number; unit?: string };

/** Numbers written as words ("two", "twelve"), shared with the dates' "a three-day summit". */
export const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
  a: 1,
};
const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  'U.S.$': 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'CNY',
  '₹': 'INR',
  '₽': 'RUB',
};
const CURRENCY_CODES = new Set(
  'USD EUR GBP CHF CNY RMB JPY INR RUB KZT UZS AUD CAD SEK NOK DKK PLN HKD SGD AED SAR TRY BRL ZAR KES NGN EGP'.split(
    ' ',
  ),
);
const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(?:U\.?S\.? dollars?|US dollars?|American dollars?)/i, 'USD'],
  [/^(?:dollars?)/i, 'USD'],
  [/^(?:euros?)/i, 'EUR'],
  [/^(?:yuan|renminbi)/i, 'CNY'],
  [/^(?:pounds? sterling|pounds?)/i, 'GBP'],
  [/^(?:Swiss francs?|francs?)/i, 'CHF'],
  [/^(?:yen)/i, 'JPY'],
  [/^(?:rubles?|roubles?)/i, 'RUB'],
  [/^(?:rupees?)/i, 'INR'],
];
const COUNT_NOUNS =
  /^(?:doses|delegates|people|persons|participants|votes|troops|soldiers|refugees|residents|projects|countries|tonnes|tons|barrels|km|kilometres|kilometers|MW|GW|kW|TWh|GWh|jobs|workers|students|scholarships|opportunities|vaccines|cases|deaths|households|companies|members|meters|metres|hectares|cubic metres|bcm)\b/;

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|a hundred|hundred)`;
const SCALE = '(?:thousand|million|billion|trillion|mln|bn|tn)';
const MONEY_PREFIX = new RegExp(
  String.raw`(?:(US\$|U\.S\.\$|\$|€|£|¥|₹|₽)\s?|\b(USD|EUR|GBP|CHF|CNY|RMB|JPY|INR|RUB|KZT|AUD|CAD|SEK|NOK|DKK|PLN|HKD|SGD|AED|SAR|TRY|BRL|ZAR|KES|NGN|EGP)\s)(${NUM})(?:\s?(${SCALE})\b)?`,
  'g',
);
const NUMBER_FIRST = new RegExp(String.raw`\b(${NUM})(?:\s(${SCALE}))?(?:\s?(%|percent\b|per cent\b))?`, 'gi');

const toNumber = (s: string): number | undefined => {
  const low = s.toLowerCase().replace(/^a /, '');
  if (low in WORD_NUMBERS) return WORD_NUMBERS[low];
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
};

/** Quantities with a scale, a currency, a percentage or a counted unit, in order of appearance. */
export function findQuantities(text: string): Quantity[] {
  const out: (Quantity & { index: number; end: number })[] = [];
  const taken = (a: number, b: number) => out.some((q) => a < q.end && q.index < b);
  for (let m = MONEY_PREFIX.exec(text); m; m = MONEY_PREFIX.exec(text)) {
    const base = toNumber(m[3]);
    const scale = m[4] ? SCALES[m[4].toLowerCase()] : 1;
    const unit = m[1] ? CURRENCY_SYMBOLS[m[1]] : m[2] === 'RMB' ? 'CNY' : m[2];
    out.push({
      text: m[0].trim(),
      value: base !== undefined ? round(base * scale) : undefined,
      unit,
      index: m.index,
      end: m.index + m[0].length,
    });
  }
  for (let m = NUMBER_FIRST.exec(text); m; m = NUMBER_FIRST.exec(text)) {
    const start = m.index;
    let end = m.index + m[0].length;
    if (taken(start, end)) continue;
    const base = toNumber(m[1]);
    if (base === undefined) continue;
    const scale = m[2] ? SCALES[m[2].toLowerCase()] : 1;
    const value = round(base * scale);
    if (m[3]) {
      out.push({ text: m[0], value: base, unit: '%', index: start, end });
      continue;
    }
    const rest = text.slice(end).replace(/^\s+/, '');
    const gap = text.slice(end).length - rest.length;
    let unit: string | undefined;
    let unitText = '';
    for (const [re, code] of CURRENCY_WORDS) {
      const u = re.exec(rest);
      if (u) {
        unit = code;
        unitText = u[0];
        break;
      }
    }
    if (!unit) {
      const code = /^([A-Z]{3})\b/.exec(rest);
      if (code && CURRENCY_CODES.has(code[1])) {
        unit = code[1];
        unitText = code[1];
      }
    }
    if (!unit) {
      // "1.2 billion doses", "300 delegates", "1,300 MW"; a bare number needs a scale or a counted noun.
      const noun = COUNT_NOUNS.exec(rest) ?? (m[2] ? /^(?:of\s+)?([a-z][a-z-]+)\b/.exec(rest) : null);
      if (noun && (m[2] || COUNT_NOUNS.test(rest))) {
        unit = noun[1] ?? noun[0];
        unitText = noun[0];
      } else if (!m[2]) continue;
      // Years and ordinal-like small numbers are not quantities.
    }
    if (!m[2] && !unit) continue;
    if (/^\d{4}$/.test(m[1]) && !m[2] && !unit) continue;
    if (unitText) end = end + gap + unitText.length;
    out.push({ text: text.slice(start, end), value, unit, index: start, end });
  }
  return out
    .sort((a, b) => a.index - b.index)
    .map(({ text: t, value, unit }) => {
      const q: Quantity = { text: t };
      if (value !== undefined) q.value = value;
      if (unit) q.unit = unit;
      return q;
    });
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;
