// The Chinese interface: lang=zh (or a Chinese browser) shows every string
// in Chinese with the course's standard terms, and no English is left.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText, launchBrowser, BASE_URL } from "./helpers.mjs";

/** Every text and label of the element (visible or not yet shown), apart from the equations. */
function allText(element) {
  return element.evaluate((el) => {
    const texts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.textContent.trim()) texts.push(node.textContent.trim());
        return;
      }
      if (node.nodeType === Node.ELEMENT_NODE) {
        const tag = node.localName;
        if (tag === "style" || tag === "math") return;
        for (const name of ["title", "aria-label", "placeholder"]) {
          if (node.getAttribute(name)) texts.push(node.getAttribute(name));
        }
      }
      for (const child of node.childNodes) walk(child);
    };
    walk(el.shadowRoot);
    return texts;
  });
}

/** Words of Latin letters that are not names of things (tanh, CSV, …; grad, gradapprox, difference: the course's variables in gradient checking; sin, an input feature's function; RMSprop, Adam: optimisers). */
const NAMES = new Set(["tanh", "ReLU", "Leaky", "sigmoid", "Xavier", "He", "CSV", "JSON", "PNG", "Tab", "Shift", "WebAssembly", "Sepal", "grad", "gradapprox", "difference", "sin", "RMSprop", "Adam"]);
function englishWords(texts) {
  const words = [];
  for (const text of texts) {
    // The CSV file's header is a name in the file, in every language.
    for (const word of text.replaceAll("x1,x2,label", "").match(/[A-Za-z]{3,}/g) ?? []) if (!NAMES.has(word)) words.push(`${word} (in "${text}")`);
  }
  return words;
}

test("lang=zh: the standard terms, and no English left", () =>
  withPage("#lang=zh&hidden-units=3", async ({ page, element }) => {
    const texts = await allText(element);
    const joined = texts.join("\n");
    for (const term of ["学习率", "隐藏层", "隐藏单元", "迭代", "代价函数", "准确率", "激活函数", "前向传播", "反向传播", "梯度下降", "逻辑回归", "决策边界"]) {
      assert.ok(joined.includes(term), `${term} is on screen`);
    }
    // The labels a student sees first.
    const labels = await element.evaluate((el) => {
      const root = el.shadowRoot;
      return {
        play: root.querySelector('[data-action="toggle"]').textContent,
        rate: root.querySelector('input[name="learning-rate"]').labels[0].textContent,
        activation: root.querySelector('select[name="activation"]').labels[0].textContent,
        readouts: [...root.querySelectorAll(".readout dt")].map((dt) => dt.textContent),
        formulas: root.querySelector('[part="formulas"] summary').textContent,
        plot: root.querySelector('[part="plot"]').getAttribute("aria-label"),
        lang: el.settings.lang,
      };
    });
    assert.equal(labels.lang, "zh");
    assert.equal(labels.play, "开始");
    assert.equal(labels.rate, "学习率");
    assert.equal(labels.activation, "激活函数");
    assert.deepEqual(labels.readouts, ["迭代次数", "轮次", "代价", "测试集代价", "训练集准确率", "测试集准确率"]);
    assert.equal(labels.formulas, "公式");
    assert.match(labels.plot, /^花朵数据，含 3 个 tanh 隐藏单元的单隐藏层神经网络，第 0 次迭代：代价 0\.69\d+，训练集准确率 \d+\.\d\d%。$/);
    assert.deepEqual(englishWords(texts), [], "English words in the Chinese interface");
    // The page around it follows (index.html's page.js).
    const pageText = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      zh: !document.querySelector('.explainer[lang="zh"]').hidden,
      en: !document.querySelector('.explainer[lang="en"]').hidden,
    }));
    assert.deepEqual(pageText, { lang: "zh", zh: true, en: false });
  }));

test("a rejected value is explained in Chinese, with what is allowed", () =>
  withPage("#lang=zh&hidden-units=99&learning-rate=abc", async ({ page }) => {
    const notice = await noticeText(page);
    assert.match(notice, /hidden-units = "99" 超出范围：请使用 1 到 64 之间的整数。已改用 4。/);
    assert.match(notice, /learning-rate = "abc" 不是数字：请使用大于 0 且不超过 10000 的数。已改用 1\.2。/);
  }));

// Only the language is checked here, not the console.
test("a Chinese browser gets Chinese without lang, and lang=en overrides it", () =>
  withPage("", { context: { locale: "zh-CN" }, checkProblems: false }, async ({ element }) => {
    const lang = await element.evaluate(async (el) => {
      const play = () => el.shadowRoot.querySelector('[data-action="toggle"]').textContent;
      const before = [el.settings.lang, play()];
      el.setAttribute("lang", "en");
      const settings = el.settings.lang;
      await null; // the task's attribute changes are shown in a microtask after it
      return [...before, settings, play()];
    });
    assert.deepEqual(lang, ["zh", "开始", "en", "Play"]);
  }));

// #15: the Chinese strings are loaded only for Chinese, yet a Chinese
// browser reads the loading line in Chinese while the wasm downloads.
test("a Chinese browser reads the loading line in Chinese while the wasm loads", async () => {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(BASE_URL);
    const loading = () => document.querySelector("sepal-playground")?.shadowRoot?.querySelector(".loading");
    await page.waitForFunction(`(${loading})()?.textContent === "正在加载模型…"`);
    release();
    const play = await page.evaluate(async () => {
      const el = document.querySelector("sepal-playground");
      await el.ready;
      return el.shadowRoot.querySelector('[data-action="toggle"]').textContent;
    });
    assert.equal(play, "开始");
  } finally {
    await browser.close();
  }
});
