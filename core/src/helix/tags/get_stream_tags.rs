//! [Get Stream Tags](https://dev.twitch.tv/docs/api/reference#get-stream-tags) (deprecated by Twitch)

use http::Method;
use serde::{Deserialize, Serialize};

use super::StreamTag;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::Error;

/// `get_stream_tags`: the tags of a broadcaster's stream.
///
/// Deprecated by Twitch (channels now carry free-form `tags`) but still in its
/// reference; implemented as the seed documents it. Auth: app or user token
/// (today's reference; the seed asked for an app token).
/// Rule: `broadcaster_id` is not empty.
///
/// ```
/// use twitchapi_core::helix::{tags::GetStreamTags, Endpoint};
/// let req = GetStreamTags::new("527115020");
/// assert_eq!(req.query().encode(), "broadcaster_id=527115020");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetStreamTags {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
}

impl GetStreamTags {
    /// The tags of this broadcaster's stream.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetStreamTags {
            broadcaster_id: broadcaster_id.into(),
        }
    }
}

impl Endpoint for GetStreamTags {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "streams/tags";
    const AUTH: Auth = Auth::Either(Scopes::NONE);
    const NAME: &'static str = "get_stream_tags";
    const PARAMS: &'static [&'static str] = &["broadcaster_id: string, required"];
    type Response = Vec<StreamTag>;

    fn validate(&self) -> Result<(), Error> {
        if self.broadcaster_id.is_empty() {
            return Err(Error::invalid("broadcaster_id must not be empty"));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id);
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = GetStreamTags::new("527115020");
        assert_eq!(query_of(&req), documented_query("get-stream-tags", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/streams/tags?broadcaster_id=527115020");
        assert_eq!(body, None);
        assert_eq!(req.auth(), Auth::Either(Scopes::NONE));
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetStreamTags>(&example_body("get-stream-tags", 0));
        let tag = &res.data[0];
        assert_eq!(tag.tag_id, "6ea6bca4-4712-4ab9-a906-e3336a9d8039");
        assert!(tag.is_auto);
        assert_eq!(tag.localization_names["en-us"], "English");
        assert_eq!(tag.localization_names["de-de"], "Englisch");
        assert_eq!(
            tag.localization_descriptions["en-us"],
            "For streams featuring the use of English"
        );
        assert_eq!(res.cursor, None);
    }

    #[test]
    fn tolerates_null_maps() {
        let body = br#"{"data":[{"tag_id":"t","localization_names":null}]}"#;
        let tag = &parse_ok::<GetStreamTags>(body).data[0];
        assert!(tag.localization_names.is_empty());
        assert!(tag.localization_descriptions.is_empty());
        assert!(!tag.is_auto);
    }

    #[test]
    fn rules() {
        assert_invalid(&GetStreamTags::new(""));
        assert!(GetStreamTags::new("1").validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetStreamTags = serde_json::from_str(r#"{"broadcaster_id":"1"}"#).unwrap();
        assert_eq!(req, GetStreamTags::new("1"));
        let unknown = r#"{"broadcaster_id":"1","tag_ids":[]}"#;
        assert!(serde_json::from_str::<GetStreamTags>(unknown).is_err());
    }
}
