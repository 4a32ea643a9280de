extension ReceiverConfiguration {
    /// Whether the doors can be reached from other machines.
    public var listensBeyondLoopback: Bool { !LoopbackHost.contains(host) }

    /// Beyond loopback, anyone who reaches the port could read the API and send telemetry: that
    /// takes a token, or the explicit `--insecure-no-auth`.
    func validateExposure() throws(ReceiverConfigurationError) {
        guard listensBeyondLoopback, access.token == nil, !allowsOpenExposure else { return }
        throw ReceiverConfigurationError(
            key: "listen",
            problem: "\(host) is reachable beyond this machine, and no token is set: anyone who can reach it could read the API "
                + "and send telemetry. Give a token with --token-file FILE (or token_file: in the configuration), listen on "
                + "127.0.0.1, or pass --insecure-no-auth to serve without a token on purpose")
    }
}
