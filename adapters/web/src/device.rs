//! The device code flow over `fetch` and `setTimeout`: a loop around the
//! core's [`DeviceFlow`] machine, which decides when to poll and when to stop.

use twitchapi_core::auth::flow::{DeviceEvent, DeviceFlow};
use twitchapi_core::auth::TokenResponse;
use twitchapi_core::machine::HttpMachine;
use twitchapi_core::{AuthScope, Error, Instant};

use crate::{platform, Twitch};

/// What to show the user of a device code flow.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeviceCode {
    /// The code to enter.
    pub user_code: String,
    /// Where to enter it (`https://www.twitch.tv/activate`).
    pub verification_uri: String,
    /// Seconds until the code runs out.
    pub expires_in: u64,
}

impl Twitch {
    /// Runs the device code flow for this client's app (a public client needs
    /// no secret): `show` gets the code to show the user once Twitch gave
    /// one; resolves with the user's tokens once they approved. The tokens are
    /// not set on the client; pass them to
    /// [`Twitch::set_user_authentication`].
    ///
    /// # Errors
    ///
    /// [`Error::AccessDenied`] when the user refused; [`Error::OAuth`]
    /// (`expired_token`) when the code ran out; the error of the code request.
    pub async fn device_flow(
        &self,
        scopes: Vec<AuthScope>,
        mut show: impl FnMut(&DeviceCode),
    ) -> Result<TokenResponse, Error> {
        let oauth = self.read(|s| s.oauth().clone());
        let mut flow = DeviceFlow::new(&oauth, scopes);
        flow.start(Instant::now());
        loop {
            while let Some(transmit) = flow.poll_transmit() {
                let answer = platform::fetch(transmit.request).await;
                let now = Instant::now();
                match answer {
                    Ok(response) => flow.handle_response(transmit.id, response, now),
                    Err(error) => flow.handle_transport_error(transmit.id, error, now),
                }
            }
            while let Some(event) = flow.poll_event() {
                match event {
                    DeviceEvent::Code {
                        user_code,
                        verification_uri,
                        expires_at,
                    } => show(&DeviceCode {
                        user_code,
                        verification_uri,
                        expires_in: expires_at
                            .saturating_duration_since(Instant::now())
                            .as_secs(),
                    }),
                    DeviceEvent::Token(token) => return Ok(token),
                    DeviceEvent::Failed(error) => return Err(error),
                    _ => {}
                }
            }
            match flow.poll_timeout() {
                Some(at) => {
                    let wait = at.saturating_duration_since(Instant::now()).as_millis();
                    platform::sleep(u32::try_from(wait).unwrap_or(u32::MAX)).await;
                    flow.handle_timeout(Instant::now());
                }
                // every request is answered before this point: no timer, no outcome
                None => {
                    return Err(Error::Protocol(
                        "the device flow stopped without an outcome".into(),
                    ))
                }
            }
        }
    }
}
