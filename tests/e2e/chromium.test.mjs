import { defineScenarios } from "./scenarios.mjs";

defineScenarios("chromium");
