// The string tables (www/strings.js, www/strings-zh.js), without a browser:
// Chinese has every English key but the language-neutral ones, the same
// placeholders in every template, and the course's standard terms.

import { test } from "node:test";
import assert from "node:assert/strict";
import { NEUTRAL, strings, loadStrings } from "../www/strings.js";
import { zh } from "../www/strings-zh.js";

const en = strings("en");
const placeholders = (template) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("the Chinese table has every English key except the language-neutral ones", () => {
  const missing = Object.keys(en).filter((key) => !Object.hasOwn(zh, key) && !NEUTRAL.includes(key));
  assert.deepEqual(missing, [], "keys without a Chinese string");
  const unknown = Object.keys(zh).filter((key) => !Object.hasOwn(en, key));
  assert.deepEqual(unknown, [], "Chinese keys the English table does not have");
  for (const key of NEUTRAL) assert.ok(Object.hasOwn(en, key), `${key} is a key`);
});

test("every Chinese template fills in the same values as the English one", () => {
  for (const [key, template] of Object.entries(zh)) {
    assert.deepEqual(placeholders(template), placeholders(en[key]), key);
  }
});

test("the Chinese strings use the course's standard terms", () => {
  assert.equal(zh.learningRate, "学习率");
  assert.equal(zh.layers, "隐藏层");
  assert.match(zh.hiddenUnits, /隐藏单元/);
  assert.match(zh.iteration, /迭代/);
  assert.equal(zh["formulas.cost"], "代价函数");
  assert.match(zh.trainAccuracy, /准确率/);
  assert.equal(zh.activation, "激活函数");
  assert.equal(zh["formulas.forward"], "前向传播");
  assert.equal(zh["formulas.backward"], "反向传播");
  assert.equal(zh["formulas.update"], "梯度下降");
  assert.equal(zh["model.logistic"], "逻辑回归");
  // A language without a table, or a missing key, reads English.
  assert.equal(strings("fr"), en);
  assert.equal(strings("zh").step100, en.step100);
});

// #15: a page in English neither downloads nor runs the Chinese table.
test("the Chinese table is loaded when asked for; English needs no load", async () => {
  assert.equal(strings("zh"), en, "English until the Chinese table is loaded");
  await loadStrings("en");
  await loadStrings("fr");
  assert.equal(strings("zh"), en);
  await loadStrings("zh");
  assert.equal(strings("zh").play, zh.play);
  assert.equal(strings("zh").step100, en.step100, "a language-neutral key reads English");
  assert.equal(strings("zh"), strings("zh"), "the same table every time");
});
