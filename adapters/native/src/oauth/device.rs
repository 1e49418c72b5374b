//! The device code flow: a loop around the core's [`DeviceFlow`] machine.

use twitchapi_core::auth::flow::{DeviceEvent, DeviceFlow};
use twitchapi_core::auth::TokenResponse;
use twitchapi_core::machine::HttpMachine;
use twitchapi_core::{AuthScope, Error, Instant};

use crate::Twitch;

/// What to show the user of a device code flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceCode {
    /// The code to enter.
    pub user_code: String,
    /// Where to enter it.
    pub verification_uri: String,
    /// When it runs out.
    pub expires_at: Instant,
}

/// Runs the device code flow for `twitch`'s app (a public client needs no
/// secret): `show` gets the code to show the user, then this polls at
/// Twitch's pace until the user approved.
///
/// ```no_run
/// # async fn run(twitch: twitchapi::Twitch) -> Result<(), twitchapi::Error> {
/// use twitchapi::AuthScope;
///
/// let token = twitchapi::device_flow(&twitch, vec![AuthScope::ChatRead], |code| {
///     println!("open {} and enter {}", code.verification_uri, code.user_code)
/// })
/// .await?;
/// # let _ = token; Ok(()) }
/// ```
///
/// # Errors
///
/// [`Error::AccessDenied`] when the user refused; [`Error::OAuth`]
/// (`expired_token`) when the code ran out; the error of the code request.
pub async fn device_flow(
    twitch: &Twitch,
    scopes: Vec<AuthScope>,
    mut show: impl FnMut(&DeviceCode),
) -> Result<TokenResponse, Error> {
    let mut flow = DeviceFlow::new(twitch.oauth(), scopes);
    flow.start(Instant::now());
    loop {
        while let Some(transmit) = flow.poll_transmit() {
            let answer = twitch.send_direct(transmit.request).await;
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
                    expires_at,
                }),
                DeviceEvent::Token(token) => return Ok(token),
                DeviceEvent::Failed(error) => return Err(error),
                _ => {}
            }
        }
        match flow.poll_timeout() {
            Some(at) => {
                tokio::time::sleep_until(at.into()).await;
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
