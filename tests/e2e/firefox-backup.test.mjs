import { defineBackupScenarios } from "./backup-scenarios.mjs";

defineBackupScenarios("firefox");
