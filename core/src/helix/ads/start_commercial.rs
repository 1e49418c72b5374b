//! [Start Commercial](https://dev.twitch.tv/docs/api/reference#start-commercial)

use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::Commercial;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// The commercial lengths (seconds) the seed accepts.
const LENGTHS: [u32; 6] = [30, 60, 90, 120, 150, 180];

/// `start_commercial`: starts a commercial on the broadcaster's channel.
///
/// Auth: user token of the broadcaster with `channel:edit:commercial`. Rule:
/// `length` is one of 30, 60, 90, 120, 150 and 180 seconds.
///
/// ```
/// use twitchapi_core::helix::{ads::StartCommercial, Endpoint};
/// let req = StartCommercial::new("141981764", 60);
/// assert!(req.query().is_empty());
/// assert_eq!(
///     req.body(),
///     Some(serde_json::json!({"broadcaster_id": "141981764", "length": 60}))
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartCommercial {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// Length in seconds: 30, 60, 90, 120, 150 or 180.
    pub length: u32,
}

impl StartCommercial {
    /// A commercial of `length` seconds on this broadcaster's channel.
    pub fn new(broadcaster_id: impl Into<String>, length: u32) -> Self {
        StartCommercial {
            broadcaster_id: broadcaster_id.into(),
            length,
        }
    }
}

impl Endpoint for StartCommercial {
    const METHOD: Method = Method::POST;
    const PATH: &'static str = "channels/commercial";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelEditCommercial]));
    const NAME: &'static str = "start_commercial";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "length: 30|60|90|120|150|180, required",
    ];
    type Response = Vec<Commercial>;

    fn validate(&self) -> Result<(), Error> {
        if LENGTHS.contains(&self.length) {
            Ok(())
        } else {
            Err(Error::invalid(format!(
                "length must be one of 30, 60, 90, 120, 150, 180, got {}",
                self.length
            )))
        }
    }

    fn query(&self) -> Query {
        Query::new()
    }

    fn body(&self) -> Option<Value> {
        Some(json!({"broadcaster_id": self.broadcaster_id, "length": self.length}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let doc = &vector("start-commercial")["examples"][0]["requests"][0];
        let req = StartCommercial::new("141981764", 60);
        let (method, path, body) = build(&req);
        assert_eq!(method, "POST");
        assert_eq!(path, "/channels/commercial");
        assert_eq!(body.as_ref(), Some(&doc["body"]));
        assert!(doc["query"].as_array().unwrap().is_empty());
        assert_eq!(req.auth().scopes(), &[AuthScope::ChannelEditCommercial]);
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<StartCommercial>(&example_body("start-commercial", 0));
        let commercial = &res.data[0];
        assert_eq!(commercial.length, 60);
        assert_eq!(commercial.message, "");
        assert_eq!(commercial.retry_after, 480);
        let body = br#"{"data":[{"length":30,"message":null}]}"#;
        let commercial = &parse_ok::<StartCommercial>(body).data[0];
        assert_eq!(
            (commercial.message.as_str(), commercial.retry_after),
            ("", 0)
        );
    }

    #[test]
    fn rules() {
        for length in [0, 29, 45, 181, 240] {
            assert_invalid(&StartCommercial::new("1", length));
        }
        for length in LENGTHS {
            assert!(StartCommercial::new("1", length).validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: StartCommercial =
            serde_json::from_str(r#"{"broadcaster_id":"1","length":90}"#).unwrap();
        assert_eq!(req, StartCommercial::new("1", 90));
        assert!(serde_json::from_str::<StartCommercial>(r#"{"broadcaster_id":"1"}"#).is_err());
        let unknown = r#"{"broadcaster_id":"1","length":30,"duration":30}"#;
        assert!(serde_json::from_str::<StartCommercial>(unknown).is_err());
    }
}
