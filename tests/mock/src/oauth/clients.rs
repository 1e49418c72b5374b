//! The registered clients and how a request proves which one it is: the
//! confidential client has a secret, the public client has none.

use axum::http::StatusCode;

use super::{bad, Form, Refusal};
use crate::state::State;

fn forbidden() -> Refusal {
    Refusal::OAuth(StatusCode::FORBIDDEN, "invalid client secret".to_owned())
}

/// A registered client that sent a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Client {
    pub id: String,
    /// `None` for the public client.
    secret: Option<String>,
}

impl Client {
    /// Whether this is the public client (no secret).
    pub fn is_public(&self) -> bool {
        self.secret.is_none()
    }

    /// The client_credentials grant: the confidential client with its secret;
    /// anything else is 400 "invalid client secret".
    pub fn check_app_secret(&self, form: &Form) -> Result<(), Refusal> {
        match (&self.secret, form.get("client_secret")) {
            (Some(secret), Some(sent)) if secret == sent => Ok(()),
            _ => Err(bad("invalid client secret")),
        }
    }

    /// Grants where the confidential client must send its secret and the
    /// public client must send none: 400 "missing client secret" when the
    /// confidential client sent none, 403 "invalid client secret" for a
    /// wrong one (any secret is wrong for the public client).
    pub fn check_user_secret(&self, form: &Form) -> Result<(), Refusal> {
        match (&self.secret, form.get("client_secret")) {
            (Some(_), None) => Err(bad("missing client secret")),
            _ => self.check_optional_secret(form),
        }
    }

    /// Grants where the secret may be left out (the device flow): a secret
    /// that is sent must be the client's, else 403 "invalid client secret".
    pub fn check_optional_secret(&self, form: &Form) -> Result<(), Refusal> {
        match (&self.secret, form.get("client_secret")) {
            (_, None) => Ok(()),
            (Some(secret), Some(sent)) if secret == sent => Ok(()),
            _ => Err(forbidden()),
        }
    }
}

/// The registered client of `client_id`: 400 "missing client id" without
/// one, 400 "invalid client" for an unknown one.
pub(crate) fn identify(state: &State, form: &Form) -> Result<Client, Refusal> {
    match form.get("client_id") {
        None => Err(bad("missing client id")),
        Some(id) if id == state.client_id => Ok(Client {
            id: id.to_owned(),
            secret: Some(state.client_secret.clone()),
        }),
        Some(id) if id == state.public_client_id => Ok(Client {
            id: id.to_owned(),
            secret: None,
        }),
        Some(_) => Err(bad("invalid client")),
    }
}
