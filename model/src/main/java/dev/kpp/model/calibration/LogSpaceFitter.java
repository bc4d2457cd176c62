package dev.kpp.model.calibration;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

import java.util.ArrayList;
import java.util.List;

/**
 * Weighted least squares in log space: minimises {@code sum w_i (ln f(x_i; theta) - ln y_i)^2},
 * so errors are treated as multiplicative (a factor of 2 too high counts as much as a factor of 2
 * too low). Parameters are positive and fitted as {@code theta = exp(phi)}. Uses commons-math3's
 * Levenberg-Marquardt optimiser with a central-difference Jacobian.
 */
public final class LogSpaceFitter {
    private LogSpaceFitter() {
    }

    /** A parametric model: {@code f(observation, theta) > 0}. */
    @FunctionalInterface
    public interface Model {
        /** @return the model's prediction for an observation with parameters theta */
        double predict(Observation o, double[] theta);
    }

    /**
     * Result of one fit.
     *
     * @param theta          fitted parameters
     * @param standardErrors standard errors of theta (NaN when not identifiable)
     * @param rmsLogResidual weighted RMS of ln(pred/meas), with a degrees-of-freedom correction
     */
    public record Result(double[] theta, double[] standardErrors, double rmsLogResidual) {
    }

    /**
     * Fits a model.
     *
     * @param obs     observations (at least one)
     * @param model   the model
     * @param initial positive starting values
     * @return the fit
     */
    public static Result fit(List<Observation> obs, Model model, double[] initial) {
        int n = obs.size();
        int p = initial.length;
        double[] start = new double[p];
        for (int j = 0; j < p; j++) {
            if (!(initial[j] > 0)) {
                throw new IllegalArgumentException("initial values must be > 0");
            }
            start[j] = Math.log(initial[j]);
        }
        double[] target = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = Math.log(obs.get(i).measured());
            weights[i] = obs.get(i).weight();
        }
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(start)
                .model(phi -> valueAndJacobian(obs, model, phi))
                .target(target)
                .weight(new DiagonalMatrix(weights))
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .build());
        double[] phi = opt.getPoint().toArray();
        double[] theta = new double[p];
        for (int j = 0; j < p; j++) {
            theta[j] = Math.exp(phi[j]);
        }
        double ss = 0;
        double wsum = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.log(model.predict(obs.get(i), theta)) - target[i];
            ss += weights[i] * r * r;
            wsum += weights[i];
        }
        int dof = Math.max(1, n - p);
        double sigma2 = ss / dof * (n / Math.max(wsum, 1e-12));
        double[] se = new double[p];
        try {
            RealMatrix cov = opt.getCovariances(1e-14).scalarMultiply(ss / dof);
            for (int j = 0; j < p; j++) {
                double v = cov.getEntry(j, j);
                se[j] = n > p && v >= 0 ? theta[j] * Math.sqrt(v) : Double.NaN;
            }
        } catch (SingularMatrixException e) {
            java.util.Arrays.fill(se, Double.NaN);
        }
        return new Result(theta, se, n > p ? Math.sqrt(sigma2) : Double.NaN);
    }

    private static Pair<RealVector, RealMatrix> valueAndJacobian(List<Observation> obs, Model model, RealVector phiV) {
        double[] phi = phiV.toArray();
        int n = obs.size();
        int p = phi.length;
        double[] value = new double[n];
        double[] theta = exp(phi);
        for (int i = 0; i < n; i++) {
            value[i] = Math.log(model.predict(obs.get(i), theta));
        }
        double[][] jac = new double[n][p];
        for (int j = 0; j < p; j++) {
            double h = 1e-6;
            double[] up = phi.clone();
            double[] down = phi.clone();
            up[j] += h;
            down[j] -= h;
            double[] tu = exp(up);
            double[] td = exp(down);
            for (int i = 0; i < n; i++) {
                jac[i][j] = (Math.log(model.predict(obs.get(i), tu)) - Math.log(model.predict(obs.get(i), td)))
                        / (2 * h);
            }
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
    }

    private static double[] exp(double[] phi) {
        double[] t = new double[phi.length];
        for (int j = 0; j < phi.length; j++) {
            t[j] = Math.exp(phi[j]);
        }
        return t;
    }

    /** Iterations after which a fit stops and keeps its best point (a fit that has not converged by then is flagged). */
    static final int MAX_ITERATIONS = 200;

    /**
     * Result of a fit with per-source factors.
     *
     * @param theta          fitted parameters
     * @param sourceFactors  fitted factor of each source ({@code exp(u_s)}; 1 for a source without rows)
     * @param standardErrors standard errors of theta (NaN when not identifiable)
     * @param converged      false when the optimiser stopped before converging (the result is its last point)
     */
    public record SourceFit(double[] theta, double[] sourceFactors, double[] standardErrors, boolean converged) {
        /** @return the prediction for an observation of source {@code s} (-1: a new source, factor 1) */
        public double predict(Model model, Observation o, int s) {
            return model.predict(o, theta) * (s >= 0 ? sourceFactors[s] : 1.0);
        }
    }

    /**
     * Fits a model in which every source {@code s} multiplies the model by its own factor {@code exp(u_s)}
     * (hardware, kernel, method), with a log-normal prior {@code u_s ~ N(0, sigma^2)} that keeps the factors
     * identifiable when a source has few rows: it minimises
     * {@code sum_i w_i (ln f(x_i; theta) + u_s(i) - ln y_i)^2 + sum_s (u_s / sigma)^2}.
     *
     * @param obs      observations
     * @param model    the model
     * @param initial  positive starting values of theta
     * @param sourceOf source index of each observation, or -1 for none (no factor); null for no factors
     * @param sources  number of sources
     * @param sigma    prior spread of the log factors (> 0)
     * @param start    optional starting point of the log factors (null: 0)
     * @return the fit
     */
    public static SourceFit fitWithSources(List<Observation> obs, Model model, double[] initial, int[] sourceOf,
                                           int sources, double sigma, double[] start) {
        return fitWithSources(obs, model, initial, sourceOf, sources, sigma, start, null, null);
    }

    /**
     * The same with log-normal priors on some parameters: {@code (ln theta_j - ln centre_j) / priorSigma_j} is
     * added to the residuals for every j with a finite {@code priorSigma_j} (a factor the data alone cannot pin).
     */
    public static SourceFit fitWithSources(List<Observation> obs, Model model, double[] initial, int[] sourceOf,
                                           int sources, double sigma, double[] start, double[] priorSigma,
                                           double[] priorCentre) {
        int n = obs.size();
        int p = initial.length;
        int k = sourceOf == null ? 0 : sources;
        int[] priorIdx = priorIndexes(priorSigma);
        double[] x0 = new double[p + k];
        for (int j = 0; j < p; j++) {
            if (!(initial[j] > 0)) {
                throw new IllegalArgumentException("initial values must be > 0");
            }
            x0[j] = Math.log(initial[j]);
        }
        for (int s = 0; s < k; s++) {
            x0[p + s] = start == null ? 0 : Math.log(start[s]);
        }
        int m = priorIdx.length;
        double[] target = new double[n + k + m];
        double[] weights = new double[n + k + m];
        for (int i = 0; i < n; i++) {
            target[i] = Math.log(obs.get(i).measured());
            weights[i] = obs.get(i).weight();
        }
        for (int s = 0; s < k; s++) {
            weights[n + s] = 1;
        }
        for (int q = 0; q < m; q++) {
            weights[n + k + q] = 1;
            target[n + k + q] = Math.log(priorCentre[priorIdx[q]]) / priorSigma[priorIdx[q]];
        }
        final int kk = k;
        LeastSquaresOptimizer.Optimum opt;
        boolean converged = true;
        try {
            opt = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-9)
                    .withParameterRelativeTolerance(1e-7).optimize(new LeastSquaresBuilder()
                    .start(x0)
                    .checker((iteration, previous, current) -> iteration >= MAX_ITERATIONS
                            || Math.abs(previous.getCost() - current.getCost())
                            <= 1e-10 * Math.max(1e-30, current.getCost()))
                    .model(phi -> withPriors(sourceValueAndJacobian(obs, model, phi.toArray(), p, kk, sourceOf, sigma),
                            phi.toArray(), priorIdx, priorSigma))
                    .target(target)
                    .weight(new DiagonalMatrix(weights))
                    .maxEvaluations(4000)
                    .maxIterations(4000)
                    .build());
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException
                 | org.apache.commons.math3.exception.TooManyIterationsException
                 | org.apache.commons.math3.exception.ConvergenceException e) {
            converged = false;
            opt = null;
        }
        double[] phi = opt == null ? x0 : opt.getPoint().toArray();
        double[] theta = new double[p];
        for (int j = 0; j < p; j++) {
            theta[j] = Math.exp(phi[j]);
        }
        double[] factors = new double[Math.max(0, sources)];
        java.util.Arrays.fill(factors, 1.0);
        for (int s = 0; s < k; s++) {
            factors[s] = Math.exp(phi[p + s]);
        }
        double[] se = new double[p];
        java.util.Arrays.fill(se, Double.NaN);
        if (opt != null && n > p) {
            double ss = 0;
            for (int i = 0; i < n; i++) {
                int s = sourceOf == null ? -1 : sourceOf[i];
                double r = Math.log(model.predict(obs.get(i), theta) * (s >= 0 ? factors[s] : 1)) - target[i];
                ss += weights[i] * r * r;
            }
            try {
                RealMatrix cov = opt.getCovariances(1e-14).scalarMultiply(ss / Math.max(1, n - p));
                for (int j = 0; j < p; j++) {
                    double v = cov.getEntry(j, j);
                    se[j] = v >= 0 ? theta[j] * Math.sqrt(v) : Double.NaN;
                }
            } catch (SingularMatrixException e) {
                // leave NaN: not identifiable
            }
        }
        return new SourceFit(theta, factors, se, converged);
    }

    private static int[] priorIndexes(double[] priorSigma) {
        if (priorSigma == null) {
            return new int[0];
        }
        return java.util.stream.IntStream.range(0, priorSigma.length).filter(j -> Double.isFinite(priorSigma[j])
                && priorSigma[j] > 0).toArray();
    }

    private static Pair<RealVector, RealMatrix> withPriors(Pair<RealVector, RealMatrix> base, double[] phi,
                                                           int[] priorIdx, double[] priorSigma) {
        if (priorIdx.length == 0) {
            return base;
        }
        RealVector v = base.getFirst();
        RealMatrix j = base.getSecond();
        int rows = v.getDimension();
        int cols = j.getColumnDimension();
        double[] value = new double[rows + priorIdx.length];
        double[][] jac = new double[rows + priorIdx.length][cols];
        for (int r = 0; r < rows; r++) {
            value[r] = v.getEntry(r);
            jac[r] = j.getRow(r);
        }
        for (int q = 0; q < priorIdx.length; q++) {
            int idx = priorIdx[q];
            value[rows + q] = phi[idx] / priorSigma[idx];
            jac[rows + q][idx] = 1 / priorSigma[idx];
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
    }

    private static Pair<RealVector, RealMatrix> sourceValueAndJacobian(List<Observation> obs, Model model,
                                                                       double[] phi, int p, int k, int[] sourceOf,
                                                                       double sigma) {
        int n = obs.size();
        double[] value = new double[n + k];
        double[] theta = new double[p];
        for (int j = 0; j < p; j++) {
            theta[j] = Math.exp(phi[j]);
        }
        for (int i = 0; i < n; i++) {
            int s = sourceOf == null ? -1 : sourceOf[i];
            value[i] = Math.log(model.predict(obs.get(i), theta)) + (s >= 0 && s < k ? phi[p + s] : 0);
        }
        for (int s = 0; s < k; s++) {
            value[n + s] = phi[p + s] / sigma;
        }
        double[][] jac = new double[n + k][p + k];
        double[] base = new double[n];
        for (int i = 0; i < n; i++) {
            int s = sourceOf == null ? -1 : sourceOf[i];
            base[i] = value[i] - (s >= 0 && s < k ? phi[p + s] : 0);
        }
        for (int j = 0; j < p; j++) {
            double h = 1e-6;
            double[] tu = theta.clone();
            tu[j] = Math.exp(phi[j] + h);
            for (int i = 0; i < n; i++) {
                jac[i][j] = (Math.log(model.predict(obs.get(i), tu)) - base[i]) / h;
            }
        }
        for (int i = 0; i < n; i++) {
            int s = sourceOf == null ? -1 : sourceOf[i];
            if (s >= 0 && s < k) {
                jac[i][p + s] = 1;
            }
        }
        for (int s = 0; s < k; s++) {
            jac[n + s][p + s] = 1 / sigma;
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jac, false));
    }

    /**
     * Leave-one-out: refits without each observation and predicts it.
     *
     * @return predictions in observation order
     */
    public static double[] leaveOneOut(List<Observation> obs, Model model, double[] initial) {
        double[] out = new double[obs.size()];
        for (int i = 0; i < obs.size(); i++) {
            List<Observation> rest = new ArrayList<>(obs);
            rest.remove(i);
            Result r = fit(rest, model, initial);
            out[i] = model.predict(obs.get(i), r.theta());
        }
        return out;
    }

    /** @return max(pred/meas, meas/pred) */
    public static double factorError(double predicted, double measured) {
        return Math.max(predicted / measured, measured / predicted);
    }
}
