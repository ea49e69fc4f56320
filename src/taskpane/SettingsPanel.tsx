import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Input,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PolicyId } from "../core/policy";
import { Settings, defaultSettings } from "../core/settings";
import { Strings } from "./i18n";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  shares: { display: "flex", gap: tokens.spacingHorizontalS },
});

export type SettingsPanelProps = {
  settings: Settings;
  onChange: (settings: Settings) => void;
  strings: Strings;
};

/** A number typed by the user, kept only when it is in range. */
function numberIn(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

export function SettingsPanel({ settings, onChange, strings: t }: SettingsPanelProps) {
  const styles = useStyles();
  const tiers = ["achieved", "partial", "failed"] as const;
  const tierLabel = { achieved: t.tierAchieved, partial: t.tierPartial, failed: t.tierFailed };
  return (
    <Accordion collapsible>
      <AccordionItem value="settings">
        <AccordionHeader>{t.settings}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Field label={t.policy}>
            <Select
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
          <Field label={t.weakRatio}>
            <Input
              type="number"
              step={0.1}
              min={1.1}
              defaultValue={String(settings.weakRatio)}
              key={`ratio-${settings.weakRatio}`}
              onBlur={(e) => {
                const ratio = numberIn(e.target.value, 1.01, 1000);
                if (ratio !== null && ratio !== settings.weakRatio)
                  onChange({ ...settings, weakRatio: ratio });
              }}
            />
          </Field>
          <Field label={t.tierShares}>
            <div className={styles.shares}>
              {tiers.map((tier) => (
                <Input
                  key={`${tier}-${settings.tierShares[tier]}`}
                  aria-label={tierLabel[tier]}
                  type="number"
                  step={5}
                  min={0}
                  max={100}
                  contentAfter="%"
                  defaultValue={String(Math.round(settings.tierShares[tier] * 100))}
                  onBlur={(e) => {
                    const percent = numberIn(e.target.value, 0, 100);
                    if (percent !== null)
                      onChange({
                        ...settings,
                        tierShares: { ...settings.tierShares, [tier]: percent / 100 },
                      });
                  }}
                />
              ))}
            </div>
          </Field>
          <Switch
            label={t.highlight}
            checked={settings.highlight}
            onChange={(_, data) => onChange({ ...settings, highlight: data.checked })}
          />
          <Switch
            label={t.live}
            checked={settings.live}
            onChange={(_, data) => onChange({ ...settings, live: data.checked })}
          />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
