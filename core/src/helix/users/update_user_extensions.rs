//! [Update User Extensions](https://dev.twitch.tv/docs/api/reference#update-user-extensions)

use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::ActiveExtensions;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `update_user_extensions`: activates, deactivates or moves the token's user's
/// installed extensions; answers the new state.
///
/// Auth: user token with `user:edit:broadcast`. Rule: `data` is a JSON object
/// (the seed's dict, for example `{"panel": {"1": {"active": true, "id": ..,
/// "version": ..}}}`); it is sent as `{"data": <data>}`.
///
/// ```
/// use twitchapi_core::helix::{users::UpdateUserExtensions, Endpoint};
/// let data = serde_json::json!({"component": {"2": {"active": false}}});
/// let req = UpdateUserExtensions::new(data.clone());
/// assert_eq!(req.body(), Some(serde_json::json!({ "data": data })));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserExtensions {
    /// The extension slots to write, as Twitch's `data` object.
    pub data: Value,
}

impl UpdateUserExtensions {
    /// An update writing `data`.
    pub fn new(data: Value) -> Self {
        UpdateUserExtensions { data }
    }
}

impl Endpoint for UpdateUserExtensions {
    const METHOD: Method = Method::PUT;
    const PATH: &'static str = "users/extensions";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::UserEditBroadcast]));
    const NAME: &'static str = "update_user_extensions";
    const PARAMS: &'static [&'static str] = &["data: object, required"];
    type Response = ActiveExtensions;

    fn validate(&self) -> Result<(), Error> {
        if self.data.is_object() {
            Ok(())
        } else {
            Err(Error::invalid("data must be a JSON object"))
        }
    }

    fn query(&self) -> Query {
        Query::new()
    }

    fn body(&self) -> Option<Value> {
        Some(json!({ "data": self.data }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    const FILE: &str = "update-user-extensions";

    #[test]
    fn builds_documented_request() {
        let doc = &vector(FILE)["examples"][0]["requests"][0]["body"];
        let req = UpdateUserExtensions::new(doc["data"].clone());
        assert_eq!(query_of(&req), documented_query(FILE, 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "PUT");
        assert_eq!(path, "/users/extensions");
        assert_eq!(body.as_ref(), Some(doc));
        assert_eq!(req.auth().scopes(), &[AuthScope::UserEditBroadcast]);
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<UpdateUserExtensions>(&example_body(FILE, 0));
        let data = &res.data;
        assert_eq!(
            data.panel["3"].name.as_deref(),
            Some("Streamlabs Stream Schedule & Countdown")
        );
        assert_eq!(data.overlay["1"].version.as_deref(), Some("1.0.19"));
        assert_eq!(data.component["1"].x, Some(0));
        assert!(!data.component["2"].active);
    }

    #[test]
    fn rules() {
        for data in [json!(null), json!([]), json!("panel"), json!(1)] {
            assert_invalid(&UpdateUserExtensions::new(data));
        }
        assert!(UpdateUserExtensions::new(json!({})).validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: UpdateUserExtensions = serde_json::from_str(r#"{"data":{"panel":{}}}"#).unwrap();
        assert_eq!(req.data, json!({"panel": {}}));
        assert!(serde_json::from_str::<UpdateUserExtensions>(r#"{}"#).is_err());
        let unknown = r#"{"data":{},"user_id":"1"}"#;
        assert!(serde_json::from_str::<UpdateUserExtensions>(unknown).is_err());
    }
}
