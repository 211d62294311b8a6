/**
 * Robust statistics for outlier rules: the median and the median absolute deviation (MAD), and
 * the modified z-score of Iglewicz and Hoaglin, 0,6745·(x − median)/MAD. Unlike the mean and the
 * standard deviation, they are not dragged by the very outliers they are meant to find.
 */

/** The median of the numbers (NaN for none). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The median absolute deviation from the median. */
export function mad(xs: readonly number[], centre = median(xs)): number {
  return median(xs.map((x) => Math.abs(x - centre)));
}

/** 0,6745 is the 75th percentile of the standard normal: MAD / 0,6745 estimates σ for normal data. */
export const MAD_TO_SIGMA = 1 / 0.6745;
/** When more than half the values are equal (MAD 0), the mean absolute deviation × 1,2533 estimates σ. */
export const MEAN_AD_TO_SIGMA = 1.253314;

export interface RobustScale {
  centre: number;
  /** A robust estimate of σ; 0 when every value is the same. */
  sigma: number;
}

/** Centre (median) and spread (σ from the MAD, or from the mean absolute deviation when the MAD is 0). */
export function robustScale(xs: readonly number[]): RobustScale {
  const centre = median(xs);
  const m = mad(xs, centre);
  if (m > 0) return { centre, sigma: m * MAD_TO_SIGMA };
  const meanAd = xs.reduce((a, x) => a + Math.abs(x - centre), 0) / (xs.length || 1);
  return { centre, sigma: meanAd * MEAN_AD_TO_SIGMA };
}

/**
 * The modified z-score of x: how many robust σ it lies from the median. With no spread at all,
 * 0 for the median itself and ±Infinity for anything else.
 */
export function modifiedZ(x: number, scale: RobustScale): number {
  const d = x - scale.centre;
  if (scale.sigma > 0) return d / scale.sigma;
  return d === 0 ? 0 : d > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}
