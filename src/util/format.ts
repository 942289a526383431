/** 3 significant digits, no exponent for everyday magnitudes, "−" for minus; NaN/null → "–". */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞'
  if (value === 0) return '0'
  const abs = Math.abs(value)
  let text: string
  if (abs >= 1e6 || abs < 1e-4) text = value.toExponential(digits - 1).replace(/\.?0+e/, 'e')
  else {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)))
    text = value.toFixed(decimals)
    if (text.includes('.')) text = text.replace(/\.?0+$/, '')
  }
  return text.replace('-', '−')
}

/** Like formatNumber but with an explicit sign: +0.021, −0.034. */
export function formatSigned(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  const text = formatNumber(value, digits)
  return value > 0 ? `+${text}` : text
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  return `${formatSigned(value * 100, 2)}%`
}

/** "=0.003" or "<0.001", to follow "p" or "p(worse)". */
export function pText(p: number): string {
  return p < 0.001 ? '<0.001' : `=${p.toFixed(3)}`
}
