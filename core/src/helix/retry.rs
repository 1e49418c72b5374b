//! What to do after a failed Helix call: the seed's retry rules as a small
//! sans-IO state machine, so every adapter (native, browser) behaves the same.
//!
//! One [`Retry`] per logical call. Feed it each error; it answers with the next
//! step. Rules:
//! * 401 `Unauthorized` (not "Missing scope"): refresh the token that was used,
//!   once, then send again; if another call already refreshed it, just send
//!   again; a second 401 fails;
//! * 5xx `Backend`: send again once, then fail;
//! * 429 `RateLimited`: wait until `Ratelimit-Reset` (plus 50 ms), at most
//!   [`RetryPolicy::rate_limit_retries`] times and never longer than
//!   [`RetryPolicy::max_rate_limit_wait`] in one go, then fail;
//! * anything else fails at once.

use crate::auth::{TokenChoice, TokenKind, Tokens};
use crate::{Duration, Error};

/// Limits of the retry rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// How many 429 answers are waited out (default 3).
    pub rate_limit_retries: u32,
    /// The longest single wait for a rate limit reset (default 60 s).
    pub max_rate_limit_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            rate_limit_retries: 3,
            max_rate_limit_wait: Duration::from_secs(60),
        }
    }
}

/// The next step after an error.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Next {
    /// Send the request again now.
    Retry,
    /// Refresh this token (see [`Tokens::is_current`] for single-flight), then
    /// send again.
    Refresh {
        /// Which token.
        kind: TokenKind,
        /// The generation that Twitch rejected.
        generation: u64,
    },
    /// Sleep this long, then send again.
    Wait(Duration),
    /// Give up with this error.
    Fail(Error),
}

/// The retry state of one call.
///
/// ```
/// use twitchapi_core::helix::{Next, Retry, RetryPolicy};
/// use twitchapi_core::{auth::Tokens, Duration, Error};
///
/// let mut tokens = Tokens::new(true);
/// let mut retry = Retry::new(RetryPolicy::default());
/// let backend = Error::Backend { status: 503, message: "busy".into() };
/// // the wall clock (unix time) is passed in; the core reads no clock
/// let now = Duration::from_secs(1_700_000_000);
/// assert_eq!(retry.on_error(backend.clone(), None, &mut tokens, now), Next::Retry);
/// assert_eq!(retry.on_error(backend.clone(), None, &mut tokens, now), Next::Fail(backend));
/// let limited = Error::RateLimited { reset: Some(1_700_000_002) };
/// assert_eq!(
///     retry.on_error(limited, None, &mut tokens, now),
///     Next::Wait(Duration::from_millis(2050))
/// );
/// ```
#[derive(Debug, Clone)]
pub struct Retry {
    policy: RetryPolicy,
    refreshed: bool,
    retried_backend: bool,
    rate_limited: u32,
}

impl Retry {
    /// A fresh call.
    pub fn new(policy: RetryPolicy) -> Self {
        Retry {
            policy,
            refreshed: false,
            retried_backend: false,
            rate_limited: 0,
        }
    }

    /// Decides the next step after `error`. `used` is the token the failed
    /// request carried; `now_unix` the wall clock as time since the Unix epoch.
    pub fn on_error(
        &mut self,
        error: Error,
        used: Option<&TokenChoice>,
        tokens: &mut Tokens,
        now_unix: Duration,
    ) -> Next {
        match error {
            Error::Unauthorized(_) if !self.refreshed => {
                let Some(used) = used else {
                    return Next::Fail(error);
                };
                self.refreshed = true;
                if tokens.reject(used.kind, used.generation) {
                    Next::Refresh {
                        kind: used.kind,
                        generation: used.generation,
                    }
                } else if tokens.is_current(used.kind, used.generation) {
                    // auto refresh is off
                    Next::Fail(error)
                } else {
                    // another call replaced the token meanwhile
                    Next::Retry
                }
            }
            Error::Backend { .. } if !self.retried_backend => {
                self.retried_backend = true;
                Next::Retry
            }
            Error::RateLimited { reset } if self.rate_limited < self.policy.rate_limit_retries => {
                let wait = match reset {
                    Some(reset) => {
                        Duration::from_secs(reset).saturating_sub(now_unix)
                            + Duration::from_millis(50)
                    }
                    None => Duration::from_secs(1),
                };
                if wait > self.policy.max_rate_limit_wait {
                    return Next::Fail(error);
                }
                self.rate_limited += 1;
                Next::Wait(wait)
            }
            other => Next::Fail(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Selection;
    use crate::helix::Auth;
    use crate::{Instant, Secret};

    fn app(tokens: &mut Tokens) -> TokenChoice {
        tokens.set_app_token(Secret::new("a"), vec![], None, Instant::now());
        match tokens.select(&Auth::App, Instant::now()).unwrap() {
            Selection::Ready(Some(choice)) => choice,
            other => panic!("{other:?}"),
        }
    }

    const NOW: Duration = Duration::from_secs(1_000);

    #[test]
    fn unauthorized_refreshes_once_then_fails() {
        let mut tokens = Tokens::new(true);
        let used = app(&mut tokens);
        let mut retry = Retry::new(RetryPolicy::default());
        let err = Error::Unauthorized("Invalid OAuth token".into());
        assert_eq!(
            retry.on_error(err.clone(), Some(&used), &mut tokens, NOW),
            Next::Refresh {
                kind: TokenKind::App,
                generation: used.generation
            }
        );
        assert_eq!(
            retry.on_error(err.clone(), Some(&used), &mut tokens, NOW),
            Next::Fail(err)
        );
    }

    #[test]
    fn unauthorized_after_someone_else_refreshed_just_retries() {
        let mut tokens = Tokens::new(true);
        let stale = app(&mut tokens);
        let _fresh = app(&mut tokens);
        let mut retry = Retry::new(RetryPolicy::default());
        let err = Error::Unauthorized("Invalid OAuth token".into());
        assert_eq!(
            retry.on_error(err, Some(&stale), &mut tokens, NOW),
            Next::Retry
        );
    }

    #[test]
    fn without_auto_refresh_or_token_unauthorized_fails() {
        let mut tokens = Tokens::new(false);
        let used = app(&mut tokens);
        let err = Error::Unauthorized("x".into());
        let mut retry = Retry::new(RetryPolicy::default());
        assert_eq!(
            retry.on_error(err.clone(), Some(&used), &mut tokens, NOW),
            Next::Fail(err.clone())
        );
        let mut retry = Retry::new(RetryPolicy::default());
        assert_eq!(
            retry.on_error(err.clone(), None, &mut tokens, NOW),
            Next::Fail(err)
        );
    }

    #[test]
    fn missing_scope_and_client_errors_fail_at_once() {
        let mut tokens = Tokens::new(true);
        let used = app(&mut tokens);
        for err in [
            Error::MissingScope { required: vec![] },
            Error::Api {
                status: 400,
                message: "bad".into(),
            },
            Error::NotFound("gone".into()),
            Error::Protocol("truncated".into()),
        ] {
            let mut retry = Retry::new(RetryPolicy::default());
            assert_eq!(
                retry.on_error(err.clone(), Some(&used), &mut tokens, NOW),
                Next::Fail(err)
            );
        }
    }

    #[test]
    fn rate_limits_wait_until_reset_within_bounds() {
        let mut tokens = Tokens::new(true);
        let policy = RetryPolicy {
            rate_limit_retries: 2,
            max_rate_limit_wait: Duration::from_secs(10),
        };
        let mut retry = Retry::new(policy);
        let limited = Error::RateLimited { reset: Some(1_003) };
        assert_eq!(
            retry.on_error(limited.clone(), None, &mut tokens, NOW),
            Next::Wait(Duration::from_millis(3_050))
        );
        // a reset already in the past waits only the slack
        let past = Error::RateLimited { reset: Some(900) };
        assert_eq!(
            retry.on_error(past, None, &mut tokens, NOW),
            Next::Wait(Duration::from_millis(50))
        );
        assert_eq!(
            retry.on_error(limited.clone(), None, &mut tokens, NOW),
            Next::Fail(limited)
        );
        // too long a wait fails at once
        let mut retry = Retry::new(policy);
        let far = Error::RateLimited { reset: Some(1_011) };
        assert_eq!(
            retry.on_error(far.clone(), None, &mut tokens, NOW),
            Next::Fail(far)
        );
        let mut retry = Retry::new(policy);
        let unknown = Error::RateLimited { reset: None };
        assert_eq!(
            retry.on_error(unknown, None, &mut tokens, NOW),
            Next::Wait(Duration::from_secs(1))
        );
    }
}
