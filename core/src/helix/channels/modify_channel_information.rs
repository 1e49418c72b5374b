//! [Modify Channel Information](https://dev.twitch.tv/docs/api/reference#modify-channel-information)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::helix::{parse_no_content, Auth, Endpoint, Parsed, Query, Scopes};
use crate::{AuthScope, Error};

/// `modify_channel_information`: changes a channel's category, language and/or
/// title. Twitch answers 204 No Content.
///
/// Auth: user token of the broadcaster with `channel:manage:broadcast`. The
/// seed asked for `user:edit:broadcast`, which Twitch no longer accepts for this
/// endpoint. Rules: `broadcaster_id` is not empty; at least one of `game_id`,
/// `broadcaster_language` and `title`; `title`, when given, is not empty (Twitch
/// rejects an empty title).
///
/// ```
/// use twitchapi_core::helix::{channels::ModifyChannelInformation, Endpoint};
/// let mut req = ModifyChannelInformation::new("141981764");
/// req.title = Some("Hello".into());
/// assert_eq!(req.query().encode(), "broadcaster_id=141981764");
/// assert_eq!(req.body(), Some(serde_json::json!({"title": "Hello"})));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModifyChannelInformation {
    /// The broadcaster's user id (query `broadcaster_id`).
    pub broadcaster_id: String,
    /// New category id (`""` or `"0"` clears it).
    #[serde(default)]
    pub game_id: Option<String>,
    /// New language (ISO 639-1, or `"other"`).
    #[serde(default)]
    pub broadcaster_language: Option<String>,
    /// New title (not empty).
    #[serde(default)]
    pub title: Option<String>,
}

impl ModifyChannelInformation {
    /// A request for this broadcaster that changes nothing yet; set at least one field.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        ModifyChannelInformation {
            broadcaster_id: broadcaster_id.into(),
            game_id: None,
            broadcaster_language: None,
            title: None,
        }
    }
}

impl Endpoint for ModifyChannelInformation {
    const METHOD: Method = Method::PATCH;
    const PATH: &'static str = "channels";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelManageBroadcast]));
    const NAME: &'static str = "modify_channel_information";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "game_id: string",
        "broadcaster_language: string",
        "title: string",
    ];
    type Response = ();

    fn validate(&self) -> Result<(), Error> {
        if self.broadcaster_id.is_empty() {
            return Err(Error::invalid("broadcaster_id must not be empty"));
        }
        if self.game_id.is_none() && self.broadcaster_language.is_none() && self.title.is_none() {
            return Err(Error::invalid(
                "at least one of game_id, broadcaster_language and title is required",
            ));
        }
        if self.title.as_deref() == Some("") {
            return Err(Error::invalid("title must not be empty"));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id);
        q
    }

    fn body(&self) -> Option<Value> {
        let mut body = Map::new();
        let fields = [
            ("game_id", &self.game_id),
            ("broadcaster_language", &self.broadcaster_language),
            ("title", &self.title),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                body.insert(key.to_owned(), Value::String(value.clone()));
            }
        }
        Some(Value::Object(body))
    }

    fn parse_success(status: StatusCode, body: &[u8]) -> Result<Parsed<()>, Error> {
        parse_no_content(status, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;
    use serde_json::json;

    #[test]
    fn builds_request_with_given_fields_only() {
        let doc = &vector("modify-channel-information")["request_body_examples"][0]["value"];
        let req = ModifyChannelInformation {
            game_id: Some("33214".into()),
            broadcaster_language: Some("en".into()),
            title: Some("there are helicopters in the game? REASON TO PLAY FORTNITE found".into()),
            ..ModifyChannelInformation::new("141981764")
        };
        let (method, path, body) = build(&req);
        assert_eq!(method, "PATCH");
        assert_eq!(path, "/channels?broadcaster_id=141981764");
        let body = body.unwrap();
        // The documented body also sets tags, which the seed does not offer.
        for key in ["game_id", "broadcaster_language", "title"] {
            assert_eq!(body[key], doc[key]);
        }
        assert_eq!(body.as_object().unwrap().len(), 3);

        let title_only = ModifyChannelInformation {
            title: Some("x".into()),
            ..ModifyChannelInformation::new("1")
        };
        assert_eq!(build(&title_only).2, Some(json!({"title": "x"})));
        let clear_game = ModifyChannelInformation {
            game_id: Some(String::new()),
            ..ModifyChannelInformation::new("1")
        };
        assert_eq!(build(&clear_game).2, Some(json!({"game_id": ""})));
        assert_eq!(req.auth().scopes(), &[AuthScope::ChannelManageBroadcast]);
    }

    #[test]
    fn parses_no_content() {
        let response = http::Response::builder()
            .status(StatusCode::NO_CONTENT)
            .body(Vec::new())
            .unwrap();
        let res = helix()
            .parse_response::<ModifyChannelInformation, _>(&response)
            .unwrap();
        assert_eq!(res.data, ());
        assert_eq!(res.cursor, None);
    }

    #[test]
    fn rules() {
        assert_invalid(&ModifyChannelInformation::new("1"));
        assert_invalid(&ModifyChannelInformation {
            title: Some(String::new()),
            ..ModifyChannelInformation::new("1")
        });
        assert_invalid(&ModifyChannelInformation {
            title: Some("t".into()),
            ..ModifyChannelInformation::new("")
        });
        let language = ModifyChannelInformation {
            broadcaster_language: Some("de".into()),
            ..ModifyChannelInformation::new("1")
        };
        assert!(language.validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: ModifyChannelInformation =
            serde_json::from_str(r#"{"broadcaster_id":"1","title":"t","game_id":null}"#).unwrap();
        assert_eq!(req.title.as_deref(), Some("t"));
        assert_eq!(req.game_id, None);
        let unknown = r#"{"broadcaster_id":"1","tags":["x"]}"#;
        assert!(serde_json::from_str::<ModifyChannelInformation>(unknown).is_err());
    }
}
