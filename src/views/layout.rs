//! The frame of every page: top bar (instance name, language switch, signed-in person),
//! left navigation for signed-in people, footer with the legal links.

use maud::{DOCTYPE, Markup, html};

use super::assets;
use crate::access::{self as policy, Area};
use crate::i18n::{Lang, args};
use crate::views::PageCtx;

/// Renders a whole page: `title` names it in the tab and the heading is the body's.
pub fn page(ctx: &PageCtx, title: &str, body: Markup) -> Markup {
    let instance = &ctx.config.branding.instance_name;
    let areas: Vec<Area> = Area::ALL
        .into_iter()
        .filter(|a| policy::can_enter(ctx.viewer.as_ref(), *a))
        .collect();
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light";
                title { (title) " · " (instance) }
                link rel="stylesheet" href=(assets::url("css/osc.css"));
                link rel="icon" type="image/svg+xml" href=(assets::url("icons/logo.svg"));
            }
            body {
                a.skip-link href="#main" { (ctx.t("skip-to-content")) }
                (top_bar(ctx, instance))
                div.frame.with-nav[!areas.is_empty()] {
                    @if !areas.is_empty() {
                        (side_nav(ctx, &areas))
                    }
                    main #main tabindex="-1" {
                        (body)
                    }
                }
                (footer(ctx, instance))
            }
        }
    }
}

fn top_bar(ctx: &PageCtx, instance: &str) -> Markup {
    html! {
        header.topbar {
            a.brand href="/" {
                img src=(assets::url("icons/logo.svg")) alt="" width="32" height="32";
                span.brand-name { (instance) }
            }
            nav.lang-switch aria-label=(ctx.t("lang-switch-label")) {
                ul {
                    @for lang in Lang::ALL {
                        li {
                            @let current = lang == ctx.lang;
                            a href=(switch_href(lang, &ctx.path))
                                lang=(lang.code()) hreflang=(lang.code())
                                title=(lang.native_name())
                                aria-current=[current.then_some("true")] {
                                span.visually-hidden { (lang.native_name()) }
                                span aria-hidden="true" { (lang.code().to_uppercase()) }
                            }
                        }
                    }
                }
            }
            @if let Some(viewer) = &ctx.viewer {
                div.viewer {
                    span.viewer-name { (viewer.name) }
                    form method="post" action="/logout" {
                        input type="hidden" name="csrf_token" value=(ctx.csrf);
                        button type="submit" { (ctx.t("logout")) }
                    }
                }
            }
        }
    }
}

fn switch_href(lang: Lang, path: &str) -> String {
    let next: String = url_encode(path);
    format!("/language/{}?next={next}", lang.code())
}

pub use crate::links::url_encode;

fn area_link(area: Area) -> (&'static str, &'static str) {
    match area {
        Area::Profile => ("/profile", "nav-profile"),
        Area::AccessData => ("/account/access", "nav-access"),
        Area::Plants => ("/plants", "nav-plants"),
        Area::Tickets => ("/tickets", "nav-tickets"),
        Area::Collaborators => ("/company/members", "nav-members"),
        Area::ServiceDesk => ("/service", "nav-service"),
    }
}

fn side_nav(ctx: &PageCtx, areas: &[Area]) -> Markup {
    let path = ctx.path.split('?').next().unwrap_or("/");
    // The portal's work first, the person's own pages after it.
    let personal = |a: &Area| matches!(a, Area::Profile | Area::AccessData);
    let item = |area: Area| {
        let (href, id) = area_link(area);
        // A request's page belongs to the service desk for the service team.
        let current = path == href
            || path.starts_with(&format!("{href}/"))
            || (area == Area::ServiceDesk && path.starts_with("/tickets/"))
            // Webhooks are the service team's (the desk) or a company's administrators'.
            || (matches!(area, Area::ServiceDesk | Area::Collaborators)
                && (path == "/webhooks" || path.starts_with("/webhooks/")));
        html! {
            li { a href=(href) aria-current=[current.then_some("page")] { (ctx.t(id)) } }
        }
    };
    let links = html! {
        div.nav-lists {
            ul { @for area in areas.iter().filter(|a| !personal(a)) { (item(*area)) } }
            ul.nav-personal { @for area in areas.iter().filter(|a| personal(a)) { (item(*area)) } }
        }
    };
    // Wide screens show the list; narrow screens fold it into a <details> menu, which
    // works without JavaScript. Only one of the two is displayed (and so exposed to
    // assistive technology) at a time.
    html! {
        nav.side-nav aria-label=(ctx.t("nav-label")) {
            div.nav-wide { (links) }
            details.nav-narrow {
                summary { (ctx.t("nav-menu")) }
                (links)
            }
        }
    }
}

fn footer(ctx: &PageCtx, instance: &str) -> Markup {
    let branding = &ctx.config.branding;
    html! {
        footer.site-footer {
            p {
                (instance) " · "
                (ctx.t_args("footer-operated-by", &args(&[("team", &branding.team_name)])))
            }
            ul.footer-links {
                li { a href="/privacy" { (ctx.t("footer-privacy")) } }
                li { a href="/terms" { (ctx.t("footer-terms")) } }
                li { a href="/help" { (ctx.t("help-title")) } }
                li { a href={ "mailto:" (branding.contact_email) } { (ctx.t("footer-contact")) } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_next_paths() {
        assert_eq!(
            url_encode("/plants?q=a b&x=1"),
            "/plants%3Fq%3Da%20b%26x%3D1"
        );
    }
}
