extension TransportError {
    /// The next step for the failures a user can fix on the command line, which libcurl's words do not say:
    /// an untrusted certificate, HTTPS against a plain-HTTP port (or the reverse), nothing listening, a name
    /// that does not resolve. Nil when there is nothing more to say than the message.
    public var hint: String? {
        let text = message.lowercased()
        switch phase {
        case .tls
        where text.contains("wrong version number") || text.contains("packet length too long")
            || text.contains("record layer failure"):
            return "the server does not speak TLS on this port: use http:// for it, or the site's HTTPS port"
        case .tls where text.contains("subject name") || text.contains("does not match target host"):
            return "the certificate is for another host name: use the name it was issued for (--insecure skips the "
                + "check, for a staging site only)"
        case .tls where text.contains("expired"):
            return "the site's certificate has expired: renew it (certbot renew, or the provider's console)"
        case .tls where code == 60 || text.contains("self-signed") || text.contains("unable to get local issuer"):
            return "the site's certificate is not trusted here (self-signed, or from a CA this machine does not "
                + "know): pass --cacert FILE with that CA's certificate, or --insecure for a staging site only"
        case .connect where code == 28:
            return "no answer within the connect timeout (--connect-timeout): a firewall, a wrong host or port"
        case .connect:
            return "nothing accepts connections at this address: is the site running, and is the port right?"
        case .dns:
            return "the host name does not resolve: check the base URL's spelling and this machine's DNS"
        case .receive where code == 52 && url.hasPrefix("http://"):
            return "the server closed the connection without answering: if this port expects HTTPS, use https://"
        default:
            return nil
        }
    }
}
