// The scene in docs/screenshot.png: nested, crossing and plain spans, one selected.
const { tag, clickText } = helpers;
await tag(page, 'Syria’s Foreign Minister, Asaad al-Shaibani', '1');
await tag(page, 'Syria', '2', 2);
await tag(page, 'Israeli Strategic Affairs', '3');
await tag(page, 'Affairs Minister, Ron Dermer', '4');
await tag(page, 'Paris', '2');
await tag(page, '“de-escalation and non-interference in Syria’s internal affairs”', '3');
await tag(page, 'deadly sectarian clashes', '4');
await tag(page, 'Sunni Bedouin', '1');
await clickText(page, 'Ron Dermer');
await page.locator('#reader').evaluate((r) => r.scrollTo(0, 0));
