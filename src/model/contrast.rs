//! Whether a label's colour keeps text readable where the page draws it, in both themes, and
//! the nearest colour that does when it does not (WCAG 2 relative luminance and contrast ratio).
//!
//! A label's colour is never drawn alone: the label button is a tint of it over the surface and
//! a highlight a tint of it over the paper, with the theme's ink on top (styles/labels.css,
//! styles/text.css). So what is checked is the ink against each tint: the button at its
//! strongest (pressed, 40 %), the highlight at rest (30 %) and under the pointer (48 %), each
//! at least [`AA`] (4.5:1) in the light and the dark theme. The theme's colours are copied here
//! from styles/theme.css; a test reads that file and checks they still agree.

/// WCAG AA for normal text.
pub const AA: f64 = 4.5;

/// A colour as red, green, blue.
pub type Rgb = [u8; 3];

/// The colours of one theme that labels are drawn over and under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    pub ink: Rgb,
    pub paper: Rgb,
    pub surface: Rgb,
}

/// `--ink`, `--paper` and `--surface` of styles/theme.css, light then dark.
pub const THEMES: [Theme; 2] = [
    Theme { name: "light", ink: [0x1b, 0x1b, 0x1f], paper: [0xfd, 0xfc, 0xf9], surface: [0xff, 0xff, 0xff] },
    Theme { name: "dark", ink: [0xe8, 0xe6, 0xe1], paper: [0x17, 0x18, 0x1c], surface: [0x2a, 0x2b, 0x32] },
];

/// Where a label's colour is drawn: the part of the page, what it is mixed over, and how much
/// of the colour (percent), as the style sheets mix it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Use {
    pub what: &'static str,
    pub over_surface: bool,
    pub percent: u8,
}

pub const USES: [Use; 3] = [
    Use { what: "label button", over_surface: true, percent: 40 },
    Use { what: "highlight", over_surface: false, percent: 30 },
    Use { what: "highlight under the pointer", over_surface: false, percent: 48 },
];

/// `#rrggbb` read; `None` for anything else.
pub fn parse(colour: &str) -> Option<Rgb> {
    let hex = colour.strip_prefix('#').filter(|h| h.len() == 6 && h.is_ascii())?;
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// `#rrggbb`, lowercase.
pub fn format(rgb: Rgb) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(7);
    out.push('#');
    for b in rgb {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        pow_2_4((c + 0.055) / 1.055)
    }
}

/// `x` to the power 2.4 for `x` in (0, 1], without `f64::powf` (whose `pow` from libm is some
/// kilobytes of wasm): the fifth root of `x`¹², by Newton's method from `x`² · √√`x` (`x`^2.25),
/// which is within 1 % of the root; six steps reach the last bits (a test compares with `powf`).
fn pow_2_4(x: f64) -> f64 {
    let x2 = x * x;
    let x4 = x2 * x2;
    let x12 = x4 * x4 * x4;
    let mut y = x2 * x.sqrt().sqrt();
    for _ in 0..6 {
        let y4 = (y * y) * (y * y);
        y -= (y4 * y - x12) / (5.0 * y4);
    }
    y
}

/// WCAG relative luminance.
pub fn luminance(rgb: Rgb) -> f64 {
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

/// WCAG contrast ratio, 1 to 21.
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `percent` of `colour` over `under`, as CSS `color-mix(in srgb, …)` gives it.
pub fn mix(colour: Rgb, under: Rgb, percent: u8) -> Rgb {
    let p = u32::from(percent.min(100));
    let channel = |i: usize| ((u32::from(colour[i]) * p + u32::from(under[i]) * (100 - p) + 50) / 100) as u8;
    [channel(0), channel(1), channel(2)]
}

/// One place a colour falls short: the theme, the use, and the ratio reached.
#[derive(Clone, Debug, PartialEq)]
pub struct Shortfall {
    pub theme: &'static str,
    pub what: &'static str,
    pub ratio: f64,
}

/// Every place where the ink on `colour`'s tint stays under [`AA`], in theme then use order.
pub fn shortfalls(colour: Rgb) -> Vec<Shortfall> {
    let mut out = Vec::new();
    for theme in THEMES {
        for u in USES {
            let under = if u.over_surface { theme.surface } else { theme.paper };
            let r = ratio(theme.ink, mix(colour, under, u.percent));
            if r < AA {
                out.push(Shortfall { theme: theme.name, what: u.what, ratio: r });
            }
        }
    }
    out
}

pub fn passes(colour: Rgb) -> bool {
    shortfalls(colour).is_empty()
}

/// The nearest colour that passes everywhere: `colour` itself if it does, else the least step
/// (1 % at a time) towards black or towards white that does, darker first on a tie. Black and
/// white mixed with anything reach a pass long before 100 %, so there is always one.
pub fn nearest_passing(colour: Rgb) -> Rgb {
    if passes(colour) {
        return colour;
    }
    for step in 1..=100u8 {
        for target in [[0, 0, 0], [255, 255, 255]] {
            let candidate = mix(target, colour, step);
            if passes(candidate) {
                return candidate;
            }
        }
    }
    [0x99, 0x99, 0x99]
}

/// Why `colour` falls short, in a person's words (`None` when it passes), e.g. "In the dark
/// theme the text on the label button reaches 3.8:1 (at least 4.5:1 is needed)."
pub fn advice(colour: Rgb) -> Option<String> {
    let all = shortfalls(colour);
    let worst = all.iter().min_by(|a, b| a.ratio.total_cmp(&b.ratio))?;
    // One decimal without float formatting: tenths, rounded down so a shortfall never reads 4.5.
    let tenths = (worst.ratio * 10.0) as u32;
    Some(format!(
        "In the {} theme the text on the {} reaches {}.{}:1 (at least 4.5:1 is needed).",
        worst.theme,
        worst.what,
        tenths / 10,
        tenths % 10
    ))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn the_power_is_the_standard_librarys_for_every_channel() {
        for c in 11..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, std) = (super::pow_2_4(x), x.powf(2.4));
            assert!((ours - std).abs() <= 1e-15, "{c}: {ours} against {std}");
        }
    }
}
