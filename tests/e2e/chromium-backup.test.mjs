import { defineBackupScenarios } from "./backup-scenarios.mjs";

defineBackupScenarios("chromium");
