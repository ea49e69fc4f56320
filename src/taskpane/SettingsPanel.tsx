import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Field,
  Input,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { PolicyId } from "../core/policy";
import { Settings, defaultSettings } from "../core/settings";
import { Strings } from "./i18n";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  shares: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(80px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  full: { width: "100%", minWidth: 0 },
});

export type SettingsPanelProps = {
  settings: Settings;
  onChange: (settings: Settings) => void;
  strings: Strings;
  /** Live mode needs a workbook open in Excel: the browser page does not offer it. */
  liveAvailable: boolean;
};

/** A number typed by the user, kept only when it is in range. */
function numberIn(text: string, min: number, max: number): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

/**
 * A number box that refuses what is out of range with a message and keeps the text as typed,
 * so the user sees what was refused; the setting changes only with a valid number.
 */
function NumberField({
  label,
  value,
  min,
  max,
  step,
  unit,
  invalid,
  onValid,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  unit?: string;
  invalid: string;
  onValid: (value: number) => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState(String(value));
  const parsed = numberIn(text, min, max);
  return (
    <Field
      label={label}
      validationState={parsed === null ? "error" : "none"}
      validationMessage={parsed === null ? invalid : undefined}
    >
      <Input
        className={styles.full}
        type="number"
        step={step}
        min={min}
        max={max}
        contentAfter={unit}
        value={text}
        onChange={(_, data) => setText(data.value)}
        onBlur={() => {
          if (parsed !== null && parsed !== value) onValid(parsed);
        }}
      />
    </Field>
  );
}

export function SettingsPanel({
  settings,
  onChange,
  strings: t,
  liveAvailable,
}: SettingsPanelProps) {
  const styles = useStyles();
  const tiers = ["achieved", "partial", "failed"] as const;
  const tierLabel = { achieved: t.tierAchieved, partial: t.tierPartial, failed: t.tierFailed };
  return (
    <Accordion collapsible>
      <AccordionItem value="settings">
        <AccordionHeader>{t.settings}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Field label={t.policy} hint={t.policyHint[settings.policy]}>
            <Select
              className={styles.full}
              value={settings.policy}
              onChange={(_, data) => {
                const policy = data.value as PolicyId;
                const defaults = defaultSettings(policy);
                onChange({ ...settings, policy, tierShares: defaults.tierShares });
              }}
            >
              <option value="wuhan">{t.policyWuhan}</option>
              <option value="national">{t.policyNational}</option>
            </Select>
          </Field>
          <NumberField
            key={`ratio-${settings.weakRatio}`}
            label={t.weakRatio}
            value={settings.weakRatio}
            min={1.01}
            max={1000}
            step={0.1}
            invalid={t.invalidRatio}
            onValid={(weakRatio) => onChange({ ...settings, weakRatio })}
          />
          <Caption1>{t.tierShares}</Caption1>
          <div className={styles.shares}>
            {tiers.map((tier) => (
              <NumberField
                key={`${tier}-${settings.tierShares[tier]}`}
                label={tierLabel[tier]}
                value={Math.round(settings.tierShares[tier] * 100)}
                min={0}
                max={100}
                step={5}
                unit="%"
                invalid={t.invalidShare}
                onValid={(percent) =>
                  onChange({
                    ...settings,
                    tierShares: { ...settings.tierShares, [tier]: percent / 100 },
                  })
                }
              />
            ))}
          </div>
          <Switch
            label={t.highlight}
            checked={settings.highlight}
            onChange={(_, data) => onChange({ ...settings, highlight: data.checked })}
          />
          {liveAvailable && (
            <Switch
              label={t.live}
              checked={settings.live}
              onChange={(_, data) => onChange({ ...settings, live: data.checked })}
            />
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
