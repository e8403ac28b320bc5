// How a TypeScript page uses <sepal-playground>: element-api.test.mjs
// type-checks this file (strict) against www/sepal-playground.d.ts. Each
// `@ts-expect-error` is a mistake the declarations must catch; if one is no
// longer an error, the types have gone loose and the check fails.

import type {
  SepalPlayground,
  SepalPlaygroundSettings,
  SepalProgressDetail,
  SepalModelError,
  SepalExperimentRow,
} from "../www/sepal-playground.js";

export async function use(): Promise<void> {
  // The tag name gives the element's type, no cast needed.
  const element: SepalPlayground | null = document.querySelector("sepal-playground");
  const created: SepalPlayground = document.createElement("sepal-playground");
  if (!element) return;
  await element.ready;

  const settings: SepalPlaygroundSettings | null = element.settings;
  if (settings) {
    const model: "logistic" | "shallow" | "deep" = settings.model;
    const speed: number | "max" = settings.speed;
    const autoplay: 0 | 1 = settings.autoplay;
    const rate: number = settings.learningRate;
    void [model, speed, autoplay, rate];
    // @ts-expect-error a choice is one of its names
    const wrong: SepalPlaygroundSettings["model"] = "cnn";
    void wrong;
  }

  element.step(1000);
  element.step();
  // @ts-expect-error step takes a number
  element.step("1000");
  const trained: number = (await element.train(1000)).iteration;
  void trained;
  element.reset();
  element.play();
  element.pause();
  const state: number[] = [element.iteration, element.cost, element.trainAccuracy, element.testAccuracy];
  const flags: boolean[] = [element.running, element.diverged];
  void [state, flags];
  // @ts-expect-error the state is read-only
  element.iteration = 5;

  const parameters = element.parameters;
  if (parameters && "W1" in parameters) {
    const firstWeight: number = parameters.W1[0][0];
    void firstWeight;
  }
  const train = element.points?.train ?? [];
  for (const [x1, x2, label] of train) {
    const sum: number = x1 + x2 + label;
    void sum;
  }

  const json: string | null = element.exportModel();
  if (json !== null) {
    try {
      await element.importModel(json);
    } catch (error) {
      const code: string = (error as SepalModelError).code;
      void code;
    }
  }
  const count: number = element.importPoints("x1,x2,label\n0,0,1\n");
  const rows: SepalExperimentRow[] = await element.runExperiment("learning-rates");
  // @ts-expect-error only the course's experiments
  await element.runExperiment("everything");
  void [count, rows, created];

  element.addEventListener("progress", (event) => {
    const detail: SepalProgressDetail = event.detail;
    const testCost: number = event.detail.testCost;
    void [detail, testCost];
  });
  element.addEventListener("link", (event) => {
    const copied: boolean = event.detail.copied;
    const link: string = event.detail.link;
    void [copied, link];
  });
  // The element's own events and an element's usual ones both stay typed.
  element.addEventListener("click", (event) => {
    const x: number = event.clientX;
    void x;
  });
  // @ts-expect-error a progress event's detail has no "loss"
  element.addEventListener("progress", (event) => event.detail.loss);
}
