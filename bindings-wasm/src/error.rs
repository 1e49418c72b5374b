//! [`Error`] as JavaScript sees it: a `kind` named like the Rust variant in
//! camelCase, Twitch's message, and the variant's details as fields. The
//! JavaScript wrapper turns it into a `TwitchError`.

use twitchapi_core::Error;

/// The parts of an [`Error`] that become fields of a `TwitchError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    /// The variant, camelCase (`"missingScope"`); `"other"` for a variant
    /// this version does not know.
    pub kind: &'static str,
    /// What went wrong, for people.
    pub message: String,
    /// The HTTP status, for `backend` and `api`.
    pub status: Option<u16>,
    /// The scopes that are required and missing, for `missingScope`.
    pub required: Vec<String>,
    /// When the rate limit resets (unix seconds), for `rateLimited`.
    pub reset: Option<u64>,
}

/// Describes an error.
pub fn describe(error: &Error) -> Described {
    let mut described = Described {
        kind: "other",
        message: error.to_string(),
        status: None,
        required: Vec::new(),
        reset: None,
    };
    described.kind = match error {
        Error::InvalidArgument(_) => "invalidArgument",
        Error::Unauthorized(_) => "unauthorized",
        Error::MissingScope { required } => {
            described.required = required.iter().map(|s| s.as_str().to_owned()).collect();
            "missingScope"
        }
        Error::Authorization(_) => "authorization",
        Error::InvalidRefreshToken => "invalidRefreshToken",
        Error::NotFound(_) => "notFound",
        Error::Backend { status, .. } => {
            described.status = Some(*status);
            "backend"
        }
        Error::Api { status, .. } => {
            described.status = Some(*status);
            "api"
        }
        Error::RateLimited { reset } => {
            described.reset = *reset;
            "rateLimited"
        }
        Error::ListenTimeout => "listenTimeout",
        Error::AccessDenied(_) => "accessDenied",
        Error::OAuth { .. } => "oauth",
        Error::StateMismatch => "stateMismatch",
        Error::Protocol(_) => "protocol",
        Error::Transport(_) => "transport",
        _ => "other",
    };
    described
}

/// The described error as JSON (`kind`, `message`, and `status`, `required`
/// or `reset` when the variant has them), for events handed over as text.
pub fn to_json(error: &Error) -> serde_json::Value {
    let d = describe(error);
    let mut out = serde_json::json!({ "kind": d.kind, "message": d.message });
    if let Some(status) = d.status {
        out["status"] = status.into();
    }
    if !d.required.is_empty() {
        out["required"] = d.required.into();
    }
    if let Some(reset) = d.reset {
        out["reset"] = reset.into();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use twitchapi_core::AuthScope;

    #[test]
    fn kinds_and_details() {
        let d = describe(&Error::invalid("first must be in range"));
        assert_eq!(d.kind, "invalidArgument");
        assert_eq!(d.message, "invalid argument: first must be in range");

        let d = describe(&Error::MissingScope {
            required: vec![AuthScope::UserEdit, AuthScope::UserReadEmail],
        });
        assert_eq!(d.kind, "missingScope");
        assert_eq!(d.required, ["user:edit", "user:read:email"]);

        let d = describe(&Error::Api {
            status: 409,
            message: "exists".into(),
        });
        assert_eq!((d.kind, d.status), ("api", Some(409)));
        let d = describe(&Error::Backend {
            status: 503,
            message: "down".into(),
        });
        assert_eq!((d.kind, d.status), ("backend", Some(503)));
        let d = describe(&Error::RateLimited { reset: Some(5) });
        assert_eq!((d.kind, d.reset), ("rateLimited", Some(5)));
        assert_eq!(
            to_json(&Error::RateLimited { reset: Some(5) }),
            serde_json::json!({"kind": "rateLimited", "message": "rate limited until Some(5) (unix seconds)", "reset": 5})
        );

        for (error, kind) in [
            (Error::Unauthorized("x".into()), "unauthorized"),
            (Error::NotFound("x".into()), "notFound"),
            (Error::Transport("x".into()), "transport"),
            (Error::Protocol("x".into()), "protocol"),
            (Error::InvalidRefreshToken, "invalidRefreshToken"),
            (Error::Authorization("x".into()), "authorization"),
        ] {
            assert_eq!(describe(&error).kind, kind);
        }
    }
}
