import CSARCheck

extension ScenarioExecution {
    /// With a bypass secret, visits Laravel's bypass path and gives its cookie to every scenario. A secret the
    /// site refuses comes back as the reason the run cannot start: the caller still writes every report (and
    /// exits 2). An unreachable target or a signal end the command.
    static func takeMaintenanceBypass(_ configuration: inout RunConfiguration) async throws -> String? {
        guard let secret = configuration.bypassSecret else { return nil }
        let (baseURL, transfer) = (configuration.baseURL, configuration.transfer)
        let outcome = await DedicatedThread.run {
            MaintenanceMode.bypass(baseURL: baseURL, secret: secret, transfer: transfer, stop: InterruptSignal.stop)
        }
        switch outcome {
        case .success(let bypass):
            configuration.initialCookies += bypass.cookies
            configuration.secrets += bypass.cookies.map(\.value)
            print(bypass.note)
            return nil
        case .failure(.unreachable(let error)) where error.phase == .interrupted:
            throw CommandFailure(
                message: "interrupted before the run started: nothing was checked", verdict: .interrupted)
        case .failure(.unreachable(let error)):
            throw CommandFailure(message: "target unreachable: \(error.description)", verdict: .unreachable)
        case .failure(.noCookie(let message)):
            return message
        }
    }
}
