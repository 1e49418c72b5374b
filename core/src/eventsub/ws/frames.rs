//! How an EventSub WebSocket session ends: the close codes.

/// Why Twitch closed a session (the close code), and what that means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CloseReason {
    /// 1000, or no code: a plain close.
    Normal,
    /// 4000: Twitch failed.
    InternalServerError,
    /// 4001: the client sent something (clients must only listen).
    SentInboundTraffic,
    /// 4002: the client did not answer a ping.
    FailedPingPong,
    /// 4003: no subscription was created within 10 s of the welcome.
    ConnectionUnused,
    /// 4004: after a `session_reconnect`, the new connection came too late.
    ReconnectGraceExpired,
    /// 4005: the network timed out.
    NetworkTimeout,
    /// 4006: a network error.
    NetworkError,
    /// 4007: the reconnect URL was not valid.
    InvalidReconnect,
    /// Any other code.
    Other(u16),
}

impl CloseReason {
    /// The reason of a close code.
    pub fn from_code(code: Option<u16>) -> CloseReason {
        match code {
            None | Some(1000) => CloseReason::Normal,
            Some(4000) => CloseReason::InternalServerError,
            Some(4001) => CloseReason::SentInboundTraffic,
            Some(4002) => CloseReason::FailedPingPong,
            Some(4003) => CloseReason::ConnectionUnused,
            Some(4004) => CloseReason::ReconnectGraceExpired,
            Some(4005) => CloseReason::NetworkTimeout,
            Some(4006) => CloseReason::NetworkError,
            Some(4007) => CloseReason::InvalidReconnect,
            Some(other) => CloseReason::Other(other),
        }
    }

    /// A short description, for logs and the CLI.
    pub fn as_str(&self) -> &'static str {
        match self {
            CloseReason::Normal => "closed",
            CloseReason::InternalServerError => "internal server error (4000)",
            CloseReason::SentInboundTraffic => "sent inbound traffic (4001)",
            CloseReason::FailedPingPong => "failed ping pong (4002)",
            CloseReason::ConnectionUnused => "connection unused (4003)",
            CloseReason::ReconnectGraceExpired => "reconnect grace time expired (4004)",
            CloseReason::NetworkTimeout => "network timeout (4005)",
            CloseReason::NetworkError => "network error (4006)",
            CloseReason::InvalidReconnect => "invalid reconnect attempt (4007)",
            CloseReason::Other(_) => "closed with an unknown code",
        }
    }
}
