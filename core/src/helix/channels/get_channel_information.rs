//! [Get Channel Information](https://dev.twitch.tv/docs/api/reference#get-channel-information)

use http::Method;
use serde::{Deserialize, Serialize};

use super::ChannelInformation;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::Error;

/// `get_channel_information`: a channel's title, category, language and tags.
///
/// Auth: either token. Rule: `broadcaster_id` is not empty.
///
/// ```
/// use twitchapi_core::helix::{channels::GetChannelInformation, Endpoint};
/// let req = GetChannelInformation::new("141981764");
/// assert_eq!(req.query().encode(), "broadcaster_id=141981764");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetChannelInformation {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
}

impl GetChannelInformation {
    /// A request for this broadcaster.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetChannelInformation {
            broadcaster_id: broadcaster_id.into(),
        }
    }
}

impl Endpoint for GetChannelInformation {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "channels";
    const AUTH: Auth = Auth::Either(Scopes::All(&[]));
    const NAME: &'static str = "get_channel_information";
    const PARAMS: &'static [&'static str] = &["broadcaster_id: string, required"];
    type Response = Vec<ChannelInformation>;

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
        let req = GetChannelInformation::new("141981764");
        assert_eq!(
            query_of(&req),
            documented_query("get-channel-information", 0)
        );
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/channels?broadcaster_id=141981764");
        assert_eq!(body, None);
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetChannelInformation>(&example_body("get-channel-information", 0));
        let channel = &res.data[0];
        assert_eq!(channel.broadcaster_login, "twitchdev");
        assert_eq!(channel.game_name, "Science & Technology");
        assert_eq!(channel.title, "TwitchDev Monthly Update // May 6, 2021");
        assert_eq!(channel.delay, 0);
        assert_eq!(channel.tags, vec!["DevsInTheKnow"]);
        assert_eq!(
            channel.content_classification_labels,
            vec!["Gambling", "DrugsIntoxication", "MatureGame"]
        );
        assert!(!channel.is_branded_content);
    }

    #[test]
    fn tolerates_null_and_missing_fields() {
        let body = br#"{"data":[{"broadcaster_id":"1","broadcaster_login":"a",
            "broadcaster_name":"A","broadcaster_language":"en","game_id":"",
            "game_name":"","title":"t","tags":null}]}"#;
        let channel = &parse_ok::<GetChannelInformation>(body).data[0];
        assert!(channel.tags.is_empty() && channel.content_classification_labels.is_empty());
        assert_eq!(channel.delay, 0);
    }

    #[test]
    fn rules() {
        assert_invalid(&GetChannelInformation::new(""));
        assert!(GetChannelInformation::new("1").validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetChannelInformation = serde_json::from_str(r#"{"broadcaster_id":"1"}"#).unwrap();
        assert_eq!(req, GetChannelInformation::new("1"));
        assert!(serde_json::from_str::<GetChannelInformation>(r#"{"id":"1"}"#).is_err());
    }
}
