//! Hourly validation of the user token: Twitch requires apps to call
//! `GET /oauth2/validate` every hour while they use a user token. A token
//! Twitch no longer accepts is reported ([`Event::TokenInvalid`]) and, when
//! it can be, refreshed at once.

use super::{CallId, Event, Purpose, Session};
use crate::auth::{OAuth, TokenKind};
use crate::machine::{after, HttpTransmit, TransmitId};
use crate::{Duration, Error, Instant};

/// After a validation that got no usable answer, the next try waits this long.
const RETRY: Duration = Duration::from_secs(60);

/// The validation schedule of the user token.
#[derive(Debug, Default)]
pub(super) struct Validation {
    /// When the next validation is due (none while no user token is set).
    pub(super) next_at: Option<Instant>,
    pub(super) in_flight: Option<TransmitId>,
}

impl Session {
    /// A user token was set or refreshed: the next validation is one period away.
    pub(super) fn schedule_validation(&mut self, now: Instant) {
        self.validation.next_at = match self.config.validate_every {
            Some(every) if self.tokens.user_token().is_some() => after(now, every),
            _ => None,
        };
    }

    /// When the next validation is due, unless one is out.
    pub(super) fn validation_timeout(&self) -> Option<Instant> {
        if self.validation.in_flight.is_some() {
            None
        } else {
            self.validation.next_at
        }
    }

    /// Sends the validation when it is due.
    pub(super) fn validate_if_due(&mut self, now: Instant) {
        if self.validation.in_flight.is_some() || self.validation.next_at.is_none_or(|at| at > now)
        {
            return;
        }
        let Some(token) = self.tokens.user_token().cloned() else {
            self.validation.next_at = None;
            return;
        };
        match self.oauth.validate_request(&token) {
            Ok(request) => {
                let id = TransmitId(self.next_id());
                let generation = self.tokens.generation_of(TokenKind::User);
                self.validation.in_flight = Some(id);
                self.validation.next_at = None;
                self.in_flight.insert(id, Purpose::Validate { generation });
                tracing::debug!(target: "twitchapi::oauth", "validating the user token");
                self.transmits.push_back(HttpTransmit { id, request });
            }
            Err(_) => self.validation.next_at = None,
        }
    }

    /// The answer of a validation of `generation` (or the transport's error).
    pub(super) fn validation_answered(
        &mut self,
        generation: u64,
        answer: Result<http::Response<Vec<u8>>, Error>,
        now: Instant,
    ) {
        self.validation.in_flight = None;
        if !self.tokens.is_current(TokenKind::User, generation) {
            // the token changed meanwhile: its own schedule runs
            if self.validation.next_at.is_none() {
                self.schedule_validation(now);
            }
            return;
        }
        let outcome = match answer {
            Ok(response) => OAuth::parse_validate_response(&response),
            Err(error) => Err(error),
        };
        match outcome {
            Ok(_) => self.schedule_validation(now),
            Err(Error::Unauthorized(message)) => {
                tracing::warn!(target: "twitchapi::oauth", %message, "the user token is no longer valid");
                self.events.push_back(Event::TokenInvalid {
                    kind: TokenKind::User,
                });
                if self.tokens.reject(TokenKind::User, generation) {
                    // no call waits for this refresh: it only renews the token
                    self.wait_for_refresh(CallId(0), TokenKind::User, generation, now);
                }
            }
            Err(error) => {
                tracing::debug!(target: "twitchapi::oauth", %error, "validation got no usable answer");
                self.validation.next_at = after(now, RETRY);
            }
        }
    }
}
