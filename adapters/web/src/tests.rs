//! The loop outside wasm32, where nothing can be fetched: calls end with a
//! transport error (never a panic or a hang) and leave nothing behind.

use futures::executor::block_on;
use futures::StreamExt;

use crate::helix::{streams::GetStreams, users::GetUsers};
use crate::{AuthScope, Error, Twitch};

fn twitch() -> Twitch {
    let twitch = Twitch::builder("id", "secret").build().unwrap();
    twitch
        .set_user_authentication("user-token", vec![], Some("refresh-token".into()))
        .unwrap();
    twitch
}

#[test]
fn a_call_ends_with_a_transport_error() {
    let twitch = twitch();
    let result = block_on(twitch.get_users(GetUsers::default()));
    assert!(matches!(result, Err(Error::Transport(_))), "{result:?}");
    assert_eq!(twitch.calls_in_progress(), 0);
    let result = block_on(twitch.authenticate_app(vec![]));
    assert!(matches!(result, Err(Error::Transport(_))), "{result:?}");
    let first = block_on(twitch.paginate(GetStreams::default(), None).next());
    assert!(matches!(first, Some(Err(Error::Transport(_)))), "{first:?}");
    assert_eq!(twitch.calls_in_progress(), 0);
}

#[test]
fn checks_come_before_anything_is_sent() {
    let twitch = Twitch::new("id", "");
    // no user token for an endpoint that needs one
    let result = block_on(twitch.get_users(GetUsers::default()));
    assert!(matches!(result, Err(Error::Unauthorized(_))), "{result:?}");
    assert!(matches!(
        block_on(twitch.refresh_used_token()),
        Err(Error::Unauthorized(_))
    ));
    let twitch = self::twitch();
    let result = block_on(twitch.get_broadcaster_subscriptions(
        crate::helix::subscriptions::GetBroadcasterSubscriptions {
            broadcaster_id: "1".into(),
            user_ids: vec![],
            after: None,
            first: None,
        },
    ));
    assert!(
        matches!(&result, Err(Error::MissingScope { required }) if required.contains(&AuthScope::ChannelReadSubscriptions)),
        "{result:?}"
    );
    assert_eq!(twitch.calls_in_progress(), 0);
}

#[test]
fn debug_shows_no_token() {
    let twitch = twitch();
    twitch.set_app_token("app-token", vec![]);
    let shown = format!("{twitch:?}");
    assert!(shown.contains("\"id\""), "{shown}");
    assert!(!shown.contains("token"), "{shown}");
    let builder = format!("{:?}", Twitch::builder("id", "the-secret"));
    assert!(!builder.contains("the-secret"), "{builder}");
}
