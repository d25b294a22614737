/**
 * The distribution functions the engine needs, from stdlib's ports of Cephes and Boost (the issue asks
 * for a well-kept numerical library rather than special functions written by hand).
 */
import betaCdf from "@stdlib/stats-base-dists-beta-cdf";
import betaPdf from "@stdlib/stats-base-dists-beta-pdf";
import chiSquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import normalCdfAt from "@stdlib/stats-base-dists-normal-cdf";
import normalPdfAt from "@stdlib/stats-base-dists-normal-pdf";
import normalQuantileAt from "@stdlib/stats-base-dists-normal-quantile";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

export const normalCdf = (x: number): number => normalCdfAt(x, 0, 1);
export const normalPdf = (x: number): number => normalPdfAt(x, 0, 1);
export const normalQuantile = (p: number): number => normalQuantileAt(p, 0, 1);

/** Student t with `dof` degrees of freedom; an infinite `dof` is the standard normal. */
export const studentCdf = (x: number, dof: number): number => (Number.isFinite(dof) ? tCdf(x, dof) : normalCdf(x));
export const studentQuantile = (p: number, dof: number): number => (Number.isFinite(dof) ? tQuantile(p, dof) : normalQuantile(p));

/** P(χ²_k > x). As 1 − CDF it is exact to about 1e-16 absolute, ample for the p < 0.001 SRM alarm. */
export const chiSquareSurvival = (x: number, k: number): number => 1 - chiSquareCdf(x, k);

export { betaCdf, betaPdf };
