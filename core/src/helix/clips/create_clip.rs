//! [Create Clip](https://dev.twitch.tv/docs/api/reference#create-clip)

use http::Method;
use serde::{Deserialize, Serialize};

use super::CreatedClip;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `create_clip`: starts clipping the broadcaster's live stream. Twitch answers
/// 202 Accepted with the new clip's id and edit URL; the clip itself takes a
/// few seconds to appear.
///
/// Auth: user token with `clips:edit`. Rule: `broadcaster_id` is not empty.
/// `has_delay` is always sent (default false).
///
/// ```
/// use twitchapi_core::helix::{clips::CreateClip, Endpoint};
/// let req = CreateClip::new("141981764");
/// assert_eq!(req.query().encode(), "broadcaster_id=141981764&has_delay=false");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateClip {
    /// The broadcaster whose stream is clipped.
    pub broadcaster_id: String,
    /// Whether to add a delay before capturing (to match what viewers saw);
    /// default false.
    #[serde(default)]
    pub has_delay: Option<bool>,
}

impl CreateClip {
    /// A clip of this broadcaster's stream, without delay.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        CreateClip {
            broadcaster_id: broadcaster_id.into(),
            has_delay: None,
        }
    }
}

impl Endpoint for CreateClip {
    const METHOD: Method = Method::POST;
    const PATH: &'static str = "clips";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ClipsEdit]));
    const NAME: &'static str = "create_clip";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "has_delay: boolean, default false",
    ];
    type Response = Vec<CreatedClip>;

    fn validate(&self) -> Result<(), Error> {
        if self.broadcaster_id.is_empty() {
            return Err(Error::invalid("broadcaster_id must not be empty"));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .push("has_delay", self.has_delay.unwrap_or(false));
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;
    use http::StatusCode;

    #[test]
    fn builds_documented_request() {
        let req = CreateClip::new("141981764");
        assert_contains_in_order(&query_of(&req), &documented_query("create-clip", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "POST");
        assert_eq!(path, "/clips?broadcaster_id=141981764&has_delay=false");
        assert_eq!(body, None);
        let delayed = CreateClip {
            has_delay: Some(true),
            ..CreateClip::new("1")
        };
        assert_eq!(build(&delayed).1, "/clips?broadcaster_id=1&has_delay=true");
        assert_eq!(req.auth().scopes(), &[AuthScope::ClipsEdit]);
    }

    #[test]
    fn parses_documented_202_answer() {
        assert_eq!(vector("create-clip")["examples"][0]["status"], 202);
        let response = http::Response::builder()
            .status(StatusCode::ACCEPTED)
            .body(example_body("create-clip", 0))
            .unwrap();
        let res = helix().parse_response::<CreateClip, _>(&response).unwrap();
        let clip = &res.data[0];
        assert_eq!(clip.id, "FiveWordsForClipSlug");
        assert_eq!(
            clip.edit_url,
            "https://www.twitch.tv/twitchdev/clip/FiveWordsForClipSlug"
        );
    }

    #[test]
    fn rules() {
        assert_invalid(&CreateClip::new(""));
        assert!(CreateClip::new("1").validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: CreateClip =
            serde_json::from_str(r#"{"broadcaster_id":"1","has_delay":true}"#).unwrap();
        assert_eq!(req.has_delay, Some(true));
        assert!(serde_json::from_str::<CreateClip>(r#"{"broadcaster_id":"1","delay":1}"#).is_err());
    }
}
