//! Checking that a URL a user hands over (a base URL, a redirect URI) is an
//! absolute `http` or `https` URL, with the URI parser that builds the
//! requests anyway (`http::Uri`), plus the port's range, which that parser
//! leaves to the transport: a URL that passes is one a request can be sent
//! to. Unlike `url`, it does not normalise the path (`/a/../b` stays as it
//! is), so a redirect URI is matched as written.

use http::Uri;

use crate::Error;

/// `text` as an absolute http(s) URI with a host; `what` names it in errors.
pub(crate) fn parse(what: &str, text: &str) -> Result<Uri, Error> {
    let uri: Uri = text
        .parse()
        .map_err(|e| Error::invalid(format!("{what} {text:?}: {e}")))?;
    let http = uri
        .scheme_str()
        .is_some_and(|s| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"));
    // http::Uri leaves the port unchecked: a port must be a number up to 65535
    let authority = uri.authority().map_or("", |a| a.as_str());
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let after_host = host_port.rsplit(']').next().unwrap_or(host_port);
    let port_ok = match after_host.split_once(':') {
        Some((_, port)) => port.is_empty() || port.parse::<u16>().is_ok(),
        None => true,
    };
    if !http || uri.host().is_none_or(str::is_empty) || !port_ok {
        return Err(Error::invalid(format!(
            "{what} {text:?} is not an http(s) URL"
        )));
    }
    Ok(uri)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn absolute_http_urls_pass_and_others_do_not() {
        for good in [
            "https://api.twitch.tv/helix",
            "http://127.0.0.1:8080/helix/",
            "HTTP://localhost:17563",
            "https://id.twitch.tv/oauth2?x=1",
            "http://[::1]:8080/helix",
            "http://user@127.0.0.1:65535/",
        ] {
            assert!(parse("base url", good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "api.twitch.tv/helix",
            "/helix",
            "ftp://example.com/",
            "wss://eventsub.wss.twitch.tv/ws",
            "https://",
            "http://exa mple.com/",
            "mailto:someone@example.com",
            "http://localhost:99999/",
            "http://localhost:abc/",
            "http://[::1]:70000/",
        ] {
            let err = parse("base url", bad).unwrap_err().to_string();
            assert!(err.contains("base url"), "{bad}: {err}");
        }
    }

    #[test]
    fn the_path_is_kept() {
        let uri = parse("redirect_uri", "http://localhost:17563/callback?x=1").unwrap();
        assert_eq!(uri.path(), "/callback");
    }
}
