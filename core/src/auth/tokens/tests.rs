//! Tests of the token lifecycle on a virtual clock.

use super::*;
use crate::helix::Scopes;

fn answer(body: &str) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .body(body.as_bytes().to_vec())
        .unwrap()
}

fn both(now: Instant) -> Tokens {
    let mut t = Tokens::new(true);
    t.set_app_token(
        Secret::new("app1"),
        vec![],
        Some(Duration::from_secs(100)),
        now,
    );
    t.set_user_token(
        Secret::new("user1"),
        vec![AuthScope::UserEdit],
        Some(Secret::new("r1")),
        Some(Duration::from_secs(1000)),
        now,
    )
    .unwrap();
    t
}

#[test]
fn expiry_on_virtual_clock_refreshes_the_right_token() {
    let t0 = Instant::now();
    let tokens = both(t0);
    let Selection::Ready(Some(choice)) = tokens.select(&Auth::App, t0).unwrap() else {
        panic!()
    };
    assert_eq!(choice.kind, TokenKind::App);
    // 74 s: still fresh; 75 s: the margin is a quarter of its 100 s lifetime
    assert!(matches!(
        tokens
            .select(&Auth::App, t0 + Duration::from_secs(74))
            .unwrap(),
        Selection::Ready(_)
    ));
    assert_eq!(
        tokens
            .select(&Auth::App, t0 + Duration::from_secs(75))
            .unwrap(),
        Selection::Refresh {
            kind: TokenKind::App,
            generation: choice.generation
        }
    );
    // the user token is still fresh then
    let user = tokens
        .select(
            &Auth::User(Scopes::All(&[AuthScope::UserEdit])),
            t0 + Duration::from_secs(70),
        )
        .unwrap();
    assert!(matches!(
        user,
        Selection::Ready(Some(TokenChoice {
            kind: TokenKind::User,
            ..
        }))
    ));
    assert!(matches!(
        tokens
            .select(&Auth::User(Scopes::All(&[])), t0 + Duration::from_secs(970))
            .unwrap(),
        Selection::Refresh {
            kind: TokenKind::User,
            ..
        }
    ));
}

#[test]
fn a_rejected_app_token_refreshes_the_app_token_only() {
    let t0 = Instant::now();
    let mut tokens = both(t0);
    let Selection::Ready(Some(app)) = tokens.select(&Auth::App, t0).unwrap() else {
        panic!()
    };
    assert!(tokens.reject(TokenKind::App, app.generation));
    let oauth = OAuth::new("cid", Some(Secret::new("s")));
    let req = tokens.refresh_request(TokenKind::App, &oauth).unwrap();
    assert!(std::str::from_utf8(req.body())
        .unwrap()
        .contains("grant_type=client_credentials"));
    tokens
        .handle_refresh_response(
            TokenKind::App,
            &answer(r#"{"access_token":"app2","expires_in":50,"token_type":"bearer"}"#),
            t0,
        )
        .unwrap();
    assert_eq!(tokens.app_token().unwrap().expose(), "app2");
    assert_eq!(tokens.user_token().unwrap().expose(), "user1");
    assert!(!tokens.is_current(TokenKind::App, app.generation));
    // a late 401 for the old generation does not mark the new token
    assert!(!tokens.reject(TokenKind::App, app.generation));
    assert!(matches!(
        tokens.select(&Auth::App, t0).unwrap(),
        Selection::Ready(Some(_))
    ));
}

#[test]
fn scopes_are_checked_before_sending() {
    let t0 = Instant::now();
    let tokens = both(t0);
    assert_eq!(
        tokens.select(
            &Auth::User(Scopes::All(&[AuthScope::UserEdit, AuthScope::BitsRead])),
            t0
        ),
        Err(Error::MissingScope {
            required: vec![AuthScope::BitsRead]
        })
    );
    // Either falls back to the app token when the user token lacks the scope? No:
    // app tokens carry no scopes, so the missing scope is reported.
    assert!(matches!(
        tokens.select(&Auth::Either(Scopes::All(&[AuthScope::BitsRead])), t0),
        Err(Error::MissingScope { .. })
    ));
    // Either prefers the user token
    let Selection::Ready(Some(c)) = tokens.select(&Auth::Either(Scopes::All(&[])), t0).unwrap()
    else {
        panic!()
    };
    assert_eq!(c.kind, TokenKind::User);
    assert!(matches!(
        Tokens::new(true).select(&Auth::App, t0),
        Err(Error::Unauthorized(_))
    ));
    assert!(matches!(
        Tokens::new(true).select(&Auth::Either(Scopes::All(&[])), t0),
        Err(Error::Unauthorized(_))
    ));
    assert_eq!(
        Tokens::new(true).select(&Auth::None, t0),
        Ok(Selection::Ready(None))
    );
}

#[test]
fn user_refresh_rotates_and_keeps_scopes() {
    let t0 = Instant::now();
    let mut tokens = both(t0);
    let oauth = OAuth::new("cid", Some(Secret::new("s")));
    let req = tokens.refresh_request(TokenKind::User, &oauth).unwrap();
    assert!(std::str::from_utf8(req.body())
        .unwrap()
        .contains("refresh_token=r1"));
    tokens
        .handle_refresh_response(
            TokenKind::User,
            &answer(r#"{"access_token":"user2","refresh_token":"r2","token_type":"bearer"}"#),
            t0,
        )
        .unwrap();
    assert_eq!(tokens.user_token().unwrap().expose(), "user2");
    assert_eq!(tokens.user_refresh_token().unwrap().expose(), "r2");
    assert_eq!(tokens.user_scopes(), &[AuthScope::UserEdit]);
    let bad = http::Response::builder()
        .status(400)
        .body(br#"{"status":400,"message":"Invalid refresh token"}"#.to_vec())
        .unwrap();
    assert_eq!(
        tokens.handle_refresh_response(TokenKind::User, &bad, t0),
        Err(Error::InvalidRefreshToken)
    );
    assert_eq!(tokens.user_token().unwrap().expose(), "user2");
}

#[test]
fn lasting_refresh_failures_are_remembered_per_generation() {
    let t0 = Instant::now();
    let mut tokens = both(t0);
    let Selection::Ready(Some(user)) = tokens.select(&Auth::User(Scopes::All(&[])), t0).unwrap()
    else {
        panic!()
    };
    assert_eq!(
        tokens.refresh_failure(TokenKind::User, user.generation),
        None
    );
    // one record per kind: an app failure leaves the user token alone
    let app = tokens.generation_of(TokenKind::App);
    tokens.record_refresh_failure(TokenKind::App, app, &Error::Authorization("x".into()));
    assert_eq!(
        tokens.refresh_failure(TokenKind::User, user.generation),
        None
    );
    tokens.record_refresh_failure(
        TokenKind::User,
        user.generation,
        &Error::InvalidRefreshToken,
    );
    assert_eq!(
        tokens.refresh_failure(TokenKind::User, user.generation),
        Some(Error::InvalidRefreshToken)
    );
    assert_eq!(
        tokens.refresh_failure(TokenKind::App, app),
        Some(Error::Authorization("x".into()))
    );
    // a new user token starts clean
    tokens
        .set_user_token(
            Secret::new("user2"),
            vec![],
            Some(Secret::new("r2")),
            None,
            t0,
        )
        .unwrap();
    let Selection::Ready(Some(fresh)) = tokens.select(&Auth::User(Scopes::All(&[])), t0).unwrap()
    else {
        panic!()
    };
    assert_eq!(
        tokens.refresh_failure(TokenKind::User, fresh.generation),
        None
    );
}

#[test]
fn refresh_token_required_with_auto_refresh() {
    let mut tokens = Tokens::new(true);
    let err = tokens.set_user_token(Secret::new("u"), vec![], None, None, Instant::now());
    assert!(matches!(err, Err(Error::InvalidArgument(_))));
    let mut manual = Tokens::new(false);
    manual
        .set_user_token(Secret::new("u"), vec![], None, None, Instant::now())
        .unwrap();
    assert!(!manual.reject(TokenKind::User, 1));
}

#[test]
fn debug_never_prints_tokens() {
    let tokens = both(Instant::now());
    let dbg = format!("{tokens:?}");
    assert!(!dbg.contains("app1") && !dbg.contains("user1") && !dbg.contains("r1"));
}

#[test]
fn peek_shows_the_token_without_deciding_a_refresh() {
    let t0 = Instant::now();
    let tokens = both(t0);
    let late = t0 + Duration::from_secs(10_000);
    assert_eq!(
        tokens.peek(&Auth::App, late).unwrap().unwrap().expose(),
        "app1"
    );
    assert_eq!(
        tokens
            .peek(&Auth::User(Scopes::All(&[])), t0)
            .unwrap()
            .unwrap()
            .expose(),
        "user1"
    );
    assert!(matches!(
        tokens.peek(&Auth::User(Scopes::All(&[AuthScope::BitsRead])), t0),
        Err(Error::MissingScope { .. })
    ));
    assert_eq!(Tokens::new(true).peek(&Auth::App, t0), Ok(None));
}
