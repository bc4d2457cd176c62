package dev.kpp.model.calibration;

import java.util.OptionalDouble;

/**
 * One published measurement from the embedded dataset. Numeric conditions that the source does
 * not state are empty.
 *
 * @param id                  row id, e.g. {@code TIG-39}
 * @param sourceTitle         title of the source
 * @param sourceRef           URL or reference
 * @param year                publication year, 0 when not stated
 * @param mode                mode as written in the dataset (e.g. {@code iptables}, {@code ebpf-cilium})
 * @param metric              metric name
 * @param unit                unit of {@code value}
 * @param services            Services in the measured cluster
 * @param endpointsTotal      endpoints in total
 * @param endpointsPerService endpoints per Service
 * @param nodes               nodes
 * @param connRatePerSecond   request or connection rate
 * @param requestsPerConn     requests per connection
 * @param kernelOrVersion     kernel / software version as written
 * @param value               the measurement
 * @param low                 lower end of the reading or range
 * @param high                upper end
 * @param howObtained         quoted, read_from_chart or derived
 * @param notes               notes
 * @param line                line of the CSV the row came from (1-based, header is line 1)
 */
public record BenchmarkPoint(String id, String sourceTitle, String sourceRef, int year, String mode, String metric,
                             String unit, OptionalDouble services, OptionalDouble endpointsTotal,
                             OptionalDouble endpointsPerService, OptionalDouble nodes,
                             OptionalDouble connRatePerSecond, OptionalDouble requestsPerConn,
                             String kernelOrVersion, double value, OptionalDouble low, OptionalDouble high,
                             String howObtained, String notes, int line) {

    /** @return the id's prefix naming the source, e.g. {@code TIG} for {@code TIG-39} */
    public String sourcePrefix() {
        int dash = id.lastIndexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }
}
