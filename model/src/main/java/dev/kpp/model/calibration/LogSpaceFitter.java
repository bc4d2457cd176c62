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
