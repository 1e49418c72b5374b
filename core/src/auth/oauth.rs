use http::{header, Method, StatusCode};
use serde::Deserialize;

use crate::{AuthScope, Error, Secret};

/// Twitch's OAuth base URL (`/oauth2/...` lives below it).
pub const AUTH_URL: &str = "https://id.twitch.tv";

/// Builds requests to Twitch's OAuth endpoints and parses their answers.
///
/// ```
/// use twitchapi_core::{auth::OAuth, Secret};
/// let oauth = OAuth::new("cid", Some(Secret::new("secret")));
/// let req = oauth.app_token_request(&[]).unwrap();
/// assert_eq!(req.uri(), "https://id.twitch.tv/oauth2/token");
/// assert_eq!(
///     std::str::from_utf8(req.body()).unwrap(),
///     "client_id=cid&client_secret=secret&grant_type=client_credentials"
/// );
/// ```
#[derive(Clone, Debug)]
pub struct OAuth {
    client_id: String,
    client_secret: Option<Secret>,
    base_url: String,
}

/// A token answer of `/oauth2/token`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TokenResponse {
    /// The access token.
    pub access_token: Secret,
    /// The refresh token (user tokens only).
    #[serde(default)]
    pub refresh_token: Option<Secret>,
    /// Lifetime in seconds.
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// Granted scopes.
    #[serde(default, deserialize_with = "scope_list")]
    pub scope: Vec<AuthScope>,
    /// `"bearer"`.
    #[serde(default)]
    pub token_type: String,
}

/// The answer of `/oauth2/validate`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[non_exhaustive]
pub struct Validation {
    /// The client id the token belongs to.
    pub client_id: String,
    /// The user's login (user tokens only).
    #[serde(default)]
    pub login: Option<String>,
    /// The user's id (user tokens only).
    #[serde(default)]
    pub user_id: Option<String>,
    /// Granted scopes.
    #[serde(default, deserialize_with = "scope_list")]
    pub scopes: Vec<AuthScope>,
    /// Seconds until the token expires.
    #[serde(default)]
    pub expires_in: Option<u64>,
}

impl TokenResponse {
    /// The token as one JSON object, secrets included on purpose (for a CLI
    /// or a token file): `access_token`, `refresh_token`, `scopes` (wire
    /// names), `expires_in`.
    ///
    /// ```
    /// use twitchapi_core::auth::TokenResponse;
    /// let t: TokenResponse = serde_json::from_str(r#"{"access_token":"a","refresh_token":"r","expires_in":60,"scope":["chat:read"],"token_type":"bearer"}"#).unwrap();
    /// assert_eq!(t.to_json(), serde_json::json!({"access_token":"a","refresh_token":"r","scopes":["chat:read"],"expires_in":60}));
    /// ```
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "access_token": self.access_token.expose(),
            "refresh_token": self.refresh_token.as_ref().map(Secret::expose),
            "scopes": self.scope.iter().map(AuthScope::as_str).collect::<Vec<_>>(),
            "expires_in": self.expires_in,
        })
    }

    /// An access token and its refresh token as the JSON of
    /// [`TokenResponse::to_json`] (no scopes or lifetime known).
    pub fn pair_json(access_token: &Secret, refresh_token: &Secret) -> serde_json::Value {
        serde_json::json!({
            "access_token": access_token.expose(),
            "refresh_token": refresh_token.expose(),
        })
    }
}

fn scope_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<AuthScope>, D::Error> {
    Ok(Option::<Vec<AuthScope>>::deserialize(d)?.unwrap_or_default())
}

impl OAuth {
    /// OAuth for an app; the secret is needed for client credentials and refresh.
    pub fn new(client_id: impl Into<String>, client_secret: Option<Secret>) -> Self {
        OAuth {
            client_id: client_id.into(),
            client_secret,
            base_url: AUTH_URL.to_owned(),
        }
    }

    /// Points at another OAuth base URL (for example the mock server).
    pub fn with_base_url(mut self, base_url: &str) -> Result<Self, Error> {
        crate::http_url::parse("auth base url", base_url)?;
        self.base_url = base_url.trim_end_matches('/').to_owned();
        Ok(self)
    }

    /// The client id.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The client secret, when this is a confidential client.
    pub(crate) fn client_secret(&self) -> Option<&Secret> {
        self.client_secret.as_ref()
    }

    fn secret(&self) -> Result<&Secret, Error> {
        self.client_secret
            .as_ref()
            .ok_or_else(|| Error::Authorization("no client secret set".into()))
    }

    pub(crate) fn form_post(
        &self,
        path: &str,
        pairs: &[(&str, &str)],
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            form.append_pair(k, v);
        }
        http::Request::builder()
            .method(Method::POST)
            .uri(format!("{}{path}", self.base_url))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(form.finish().into_bytes())
            .map_err(|e| Error::invalid(format!("cannot build request: {e}")))
    }

    /// Client credentials grant: a new app access token.
    pub fn app_token_request(&self, scopes: &[AuthScope]) -> Result<http::Request<Vec<u8>>, Error> {
        let secret = self.secret()?;
        let scope = super::scopes_to_string(scopes);
        let mut pairs = vec![
            ("client_id", self.client_id.as_str()),
            ("client_secret", secret.expose()),
            ("grant_type", "client_credentials"),
        ];
        if !scope.is_empty() {
            pairs.push(("scope", &scope));
        }
        self.form_post("/oauth2/token", &pairs)
    }

    /// Refresh token grant: a new user access token. Without a client secret
    /// this is a public client's refresh (as device-flow apps are): Twitch
    /// takes `client_id` alone for those.
    pub fn refresh_request(&self, refresh_token: &Secret) -> Result<http::Request<Vec<u8>>, Error> {
        let mut pairs = vec![("client_id", self.client_id.as_str())];
        if let Some(secret) = &self.client_secret {
            pairs.push(("client_secret", secret.expose()));
        }
        pairs.extend([
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
        ]);
        self.form_post("/oauth2/token", &pairs)
    }

    /// Authorization code grant (the user authenticator's last step).
    pub fn code_request(
        &self,
        code: &str,
        redirect_uri: &str,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        let secret = self.secret()?;
        self.form_post(
            "/oauth2/token",
            &[
                ("client_id", &self.client_id),
                ("client_secret", secret.expose()),
                ("code", code),
                ("grant_type", "authorization_code"),
                ("redirect_uri", redirect_uri),
            ],
        )
    }

    /// `GET /oauth2/validate` for a token.
    pub fn validate_request(&self, token: &Secret) -> Result<http::Request<Vec<u8>>, Error> {
        http::Request::builder()
            .method(Method::GET)
            .uri(format!("{}/oauth2/validate", self.base_url))
            .header(header::AUTHORIZATION, format!("OAuth {}", token.expose()))
            .body(Vec::new())
            .map_err(|_| Error::invalid("token contains invalid characters"))
    }

    /// `POST /oauth2/revoke` for a token.
    pub fn revoke_request(&self, token: &Secret) -> Result<http::Request<Vec<u8>>, Error> {
        self.form_post(
            "/oauth2/revoke",
            &[("client_id", &self.client_id), ("token", token.expose())],
        )
    }

    /// The URL a user opens to authorize the app (authorization code flow).
    pub fn authorize_url(
        &self,
        redirect_uri: &str,
        scopes: &[AuthScope],
        state: &str,
        force_verify: bool,
    ) -> String {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        q.append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("response_type", "code")
            .append_pair("scope", &super::scopes_to_string(scopes))
            .append_pair("force_verify", if force_verify { "true" } else { "false" })
            .append_pair("state", state);
        format!("{}/oauth2/authorize?{}", self.base_url, q.finish())
    }

    /// Parses a token answer (client credentials or authorization code). Errors are
    /// `Authorization` with Twitch's message.
    pub fn parse_token_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<TokenResponse, Error> {
        let status = response.status();
        let body = response.body().as_ref();
        if !status.is_success() {
            return Err(token_error(status, body));
        }
        serde_json::from_slice(body).map_err(|e| Error::Protocol(format!("token answer: {e}")))
    }

    /// Parses a refresh answer: a rejected refresh token (400 / 401) is
    /// [`Error::InvalidRefreshToken`].
    pub fn parse_refresh_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<TokenResponse, Error> {
        let status = response.status();
        if status == StatusCode::BAD_REQUEST || status == StatusCode::UNAUTHORIZED {
            let message = crate::helix::error_message(status, response.body().as_ref());
            if message.to_ascii_lowercase().contains("refresh token") {
                return Err(Error::InvalidRefreshToken);
            }
        }
        Self::parse_token_response(response)
    }

    /// Parses a validate answer; 401 is `Unauthorized`.
    pub fn parse_validate_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<Validation, Error> {
        let status = response.status();
        let body = response.body().as_ref();
        if status == StatusCode::UNAUTHORIZED {
            return Err(Error::Unauthorized(crate::helix::error_message(
                status, body,
            )));
        }
        if !status.is_success() {
            return Err(token_error(status, body));
        }
        serde_json::from_slice(body).map_err(|e| Error::Protocol(format!("validate answer: {e}")))
    }

    /// Parses a revoke answer.
    pub fn parse_revoke_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<(), Error> {
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(token_error(status, response.body().as_ref()))
        }
    }
}

fn token_error(status: StatusCode, body: &[u8]) -> Error {
    let message = crate::helix::error_message(status, body);
    if status.is_server_error() {
        Error::Backend {
            status: status.as_u16(),
            message,
        }
    } else {
        Error::Authorization(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> http::Response<Vec<u8>> {
        http::Response::builder()
            .status(status)
            .body(body.as_bytes().to_vec())
            .unwrap()
    }

    #[test]
    fn refresh_request_and_invalid_refresh_token() {
        let oauth = OAuth::new("cid", Some(Secret::new("sec")))
            .with_base_url("http://127.0.0.1:1/")
            .unwrap();
        let req = oauth.refresh_request(&Secret::new("r t")).unwrap();
        assert_eq!(req.uri(), "http://127.0.0.1:1/oauth2/token");
        assert_eq!(
            std::str::from_utf8(req.body()).unwrap(),
            "client_id=cid&client_secret=sec&grant_type=refresh_token&refresh_token=r+t"
        );
        let bad = response(400, r#"{"status":400,"message":"Invalid refresh token"}"#);
        assert_eq!(
            OAuth::parse_refresh_response(&bad),
            Err(Error::InvalidRefreshToken)
        );
        let ok = response(
            200,
            r#"{"access_token":"a","refresh_token":"b","expires_in":14124,"scope":["user:edit"],"token_type":"bearer"}"#,
        );
        let parsed = OAuth::parse_refresh_response(&ok).unwrap();
        assert_eq!(parsed.access_token.expose(), "a");
        assert_eq!(parsed.scope, vec![AuthScope::UserEdit]);
        assert!(matches!(
            OAuth::parse_token_response(&response(200, "{\"acc")),
            Err(Error::Protocol(_))
        ));
    }

    #[test]
    fn no_secret_means_no_app_token_but_a_public_refresh() {
        let oauth = OAuth::new("cid", None);
        assert!(matches!(
            oauth.app_token_request(&[]),
            Err(Error::Authorization(_))
        ));
        let req = oauth.refresh_request(&Secret::new("rt")).unwrap();
        assert_eq!(
            std::str::from_utf8(req.body()).unwrap(),
            "client_id=cid&grant_type=refresh_token&refresh_token=rt"
        );
    }

    #[test]
    fn validate_and_revoke() {
        let oauth = OAuth::new("cid", None);
        let req = oauth.validate_request(&Secret::new("tok")).unwrap();
        assert_eq!(req.headers()["authorization"], "OAuth tok");
        let v = OAuth::parse_validate_response(&response(200, r#"{"client_id":"cid","login":"twitchdev","scopes":["user:read:email"],"user_id":"141981764","expires_in":5520838}"#)).unwrap();
        assert_eq!(v.user_id.as_deref(), Some("141981764"));
        assert!(matches!(
            OAuth::parse_validate_response(&response(
                401,
                r#"{"status":401,"message":"invalid access token"}"#
            )),
            Err(Error::Unauthorized(_))
        ));
        let revoke = oauth.revoke_request(&Secret::new("tok")).unwrap();
        assert_eq!(
            std::str::from_utf8(revoke.body()).unwrap(),
            "client_id=cid&token=tok"
        );
        let url = oauth.authorize_url(
            "http://localhost:17563",
            &[AuthScope::UserEdit, AuthScope::BitsRead],
            "s",
            false,
        );
        assert_eq!(url, "https://id.twitch.tv/oauth2/authorize?client_id=cid&redirect_uri=http%3A%2F%2Flocalhost%3A17563&response_type=code&scope=user%3Aedit+bits%3Aread&force_verify=false&state=s");
    }
}
