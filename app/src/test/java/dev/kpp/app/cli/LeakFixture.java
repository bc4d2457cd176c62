package dev.kpp.app.cli;

import java.util.List;

/** A small kubectl dump whose names, namespaces, pools and addresses a redacted report must not show. */
final class LeakFixture {
    /** Every identifying value in {@link #JSON}. */
    static final List<String> SECRETS = List.of("payments-zq", "checkout-api-zq", "ledger-zq",
            "ip-10-42-7-19", "node-b-zq", "gpu-pool-zq", "172.20.91.17", "172.20.91.18", "10.244.3.77",
            "10.244.3.78", "10.244.9.5", "203.0.113.40");

    static final String JSON = """
            {"apiVersion":"v1","kind":"List","items":[
             {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"payments-zq"}},
             {"apiVersion":"v1","kind":"Node","metadata":{"name":"ip-10-42-7-19.eu-west-1.compute.internal",
               "labels":{"eks.amazonaws.com/nodegroup":"gpu-pool-zq"}},
              "status":{"capacity":{"cpu":"8"},"nodeInfo":{"kernelVersion":"5.10.0-28-amd64",
               "osImage":"Debian GNU/Linux 11","kubeletVersion":"v1.31.2","kubeProxyVersion":"v1.31.2"}}},
             {"apiVersion":"v1","kind":"Node","metadata":{"name":"node-b-zq",
               "labels":{"eks.amazonaws.com/nodegroup":"gpu-pool-zq"}},
              "status":{"capacity":{"cpu":"8"},"nodeInfo":{"kernelVersion":"5.10.0-28-amd64",
               "osImage":"Debian GNU/Linux 11","kubeletVersion":"v1.31.2","kubeProxyVersion":"v1.31.2"}}},
             {"apiVersion":"v1","kind":"Service","metadata":{"name":"checkout-api-zq","namespace":"payments-zq"},
              "spec":{"type":"LoadBalancer","clusterIP":"172.20.91.17","clusterIPs":["172.20.91.17"],
               "ports":[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP","nodePort":31080}]},
              "status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.40"}]}}},
             {"apiVersion":"v1","kind":"Service","metadata":{"name":"ledger-zq","namespace":"payments-zq"},
              "spec":{"type":"ClusterIP","clusterIP":"172.20.91.18","clusterIPs":["172.20.91.18"],
               "ports":[{"name":"grpc","port":9000,"protocol":"TCP"}]}},
             {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"checkout-api-zq-abcde",
               "namespace":"payments-zq","labels":{"kubernetes.io/service-name":"checkout-api-zq"}},
              "addressType":"IPv4","ports":[{"name":"http","port":8080,"protocol":"TCP"}],
              "endpoints":[{"addresses":["10.244.3.77"],"conditions":{"ready":true},
                "nodeName":"ip-10-42-7-19.eu-west-1.compute.internal"},
               {"addresses":["10.244.3.78"],"conditions":{"ready":true},"nodeName":"node-b-zq"}]},
             {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"ledger-zq-fghij",
               "namespace":"payments-zq","labels":{"kubernetes.io/service-name":"ledger-zq"}},
              "addressType":"IPv4","ports":[{"name":"grpc","port":9000,"protocol":"TCP"}],
              "endpoints":[{"addresses":["10.244.9.5"],"conditions":{"ready":true},"nodeName":"node-b-zq"}]}
            ]}
            """;

    private LeakFixture() {
    }
}
